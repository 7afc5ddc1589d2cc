create view public.user_directory as
  select id, email, phone from auth.users;
