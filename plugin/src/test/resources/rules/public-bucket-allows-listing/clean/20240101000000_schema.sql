insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "owners list their avatars" on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
