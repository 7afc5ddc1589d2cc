drop trigger no_user_delete on auth.users;
