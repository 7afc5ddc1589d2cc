create view public.user_directory as
  select id, email, phone from auth.users;
-- since 2026 the Data API reaches only what is granted
grant select on public.user_directory to authenticated;
