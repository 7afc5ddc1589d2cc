create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "owners read notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
create policy "owners edit notes" on public.notes for update to authenticated using ((select auth.uid()) = user_id);
grant select, update on public.notes to authenticated;

create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references auth.users (id) on delete cascade,
  title text not null
);
create index posts_author_id_idx on public.posts (author_id);
alter table public.posts enable row level security;
create policy "posts are readable" on public.posts for select to authenticated using (true);
-- a check that only asks for a session: any account edits and deletes any post
create policy "members moderate posts" on public.posts for delete to authenticated using ((select auth.uid()) is not null);
-- and writes posts in anyone's name
create policy "members post" on public.posts for insert to authenticated with check ((select auth.uid()) is not null);
-- a WITH CHECK weaker than USING on a table every member reads: an author may give a post to anyone
create policy "authors edit posts" on public.posts for update to authenticated
  using ((select auth.uid()) = author_id) with check ((select auth.uid()) is not null);
grant select, insert, update, delete on public.posts to authenticated;
