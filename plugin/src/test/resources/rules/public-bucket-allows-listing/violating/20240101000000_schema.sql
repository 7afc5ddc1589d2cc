insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "anyone lists avatars" on storage.objects for select to public using (bucket_id = 'avatars');

-- a pattern that does not start with a folder still lists the whole bucket
insert into storage.buckets (id, name, public) values ('docs', 'docs', true);
create policy "anyone lists pdfs" on storage.objects for select to anon using (bucket_id = 'docs' and name like '%.pdf');
