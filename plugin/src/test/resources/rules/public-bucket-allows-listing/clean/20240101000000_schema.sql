insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "owners list their avatars" on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

-- a listing narrowed to one folder is deliberate
insert into storage.buckets (id, name, public) values ('marketing', 'marketing', true);
create policy "anyone lists the press kit" on storage.objects for select to anon
  using (bucket_id = 'marketing' and name like 'press/%');
create policy "anyone lists the logos" on storage.objects for select to anon
  using (bucket_id = 'marketing' and (storage.foldername(name))[1] = 'logos');
