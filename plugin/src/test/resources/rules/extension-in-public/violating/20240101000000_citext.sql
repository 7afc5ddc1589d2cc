create extension citext with schema public;
