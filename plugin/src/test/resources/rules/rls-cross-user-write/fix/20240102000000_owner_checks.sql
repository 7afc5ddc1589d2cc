alter policy "members moderate posts" on public.posts using ((select auth.uid()) = author_id);
alter policy "members post" on public.posts with check ((select auth.uid()) = author_id);
alter policy "authors edit posts" on public.posts with check ((select auth.uid()) = author_id);
