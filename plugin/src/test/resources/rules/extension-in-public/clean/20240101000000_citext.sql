create extension citext with schema extensions;
