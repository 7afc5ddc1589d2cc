insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "anyone lists avatars" on storage.objects for select to public using (bucket_id = 'avatars');
