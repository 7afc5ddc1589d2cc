insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "avatar owners" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (select auth.uid())::text = (storage.foldername(name))[1]);
alter publication supabase_realtime add table public.profiles;
create extension if not exists "uuid-ossp" with schema extensions;
