drop policy "anyone lists avatars" on storage.objects;
