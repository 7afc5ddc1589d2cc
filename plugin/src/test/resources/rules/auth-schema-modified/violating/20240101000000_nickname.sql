-- keep the nickname right on the user
alter table auth.users add column nickname text;
