-- the extension's objects belong to the platform's superuser, so it is moved by reinstalling it
drop extension citext;
create extension citext with schema extensions;
