drop policy "anyone lists avatars" on storage.objects;
alter policy "anyone lists pdfs" on storage.objects using (bucket_id = 'docs' and name like 'public/%.pdf');
