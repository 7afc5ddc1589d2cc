package io.github.authschema.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A Supabase-shaped migration set, generated from a seed: a profiles table with a sign-up trigger,
 * then user-owned tables with foreign keys to auth.users, chains between tables, indexes, RLS
 * policies and functions, spread over 10 to 60 files.
 */
final class Workload {
    private Workload() {
    }

    static Path generate(Path dir, int tables, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        int files = Math.max(10, Math.min(60, tables / 17));
        List<StringBuilder> sql = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            sql.add(new StringBuilder());
        }
        sql.get(0).append("""
                create table public.profiles (
                  id uuid primary key references auth.users (id) on delete cascade,
                  display_name text,
                  email text,
                  phone text
                );
                alter table public.profiles enable row level security;
                create policy "profiles: own" on public.profiles for select to authenticated using ((select auth.uid()) = id);
                grant select on public.profiles to authenticated;

                create function public.handle_new_user() returns trigger
                language plpgsql security definer set search_path = '' as $$
                begin
                  insert into public.profiles (id, display_name, email, phone)
                  values (new.id, new.raw_user_meta_data ->> 'name', new.email, new.phone);
                  return new;
                end
                $$;
                create trigger on_auth_user_created after insert on auth.users
                  for each row execute function public.handle_new_user();
                """);
        for (int t = 1; t < tables; t++) {
            StringBuilder out = sql.get(1 + (t - 1) * (files - 1) / Math.max(1, tables - 1));
            String name = "t" + t;
            boolean chained = t > 1 && random.nextInt(3) == 0;
            int parent = chained ? 1 + random.nextInt(t - 1) : 0;
            out.append("create table public.").append(name).append(" (\n")
                    .append("  id bigint generated always as identity primary key,\n")
                    .append("  user_id uuid not null references auth.users (id) on delete cascade,\n");
            if (chained) {
                out.append("  parent_id bigint references public.t").append(parent).append(" (id) on delete cascade,\n");
            }
            out.append("  title text not null,\n  amount numeric(12, 2) not null default 0,\n  created_at timestamptz not null default now()\n);\n");
            out.append("create index ").append(name).append("_user_id_idx on public.").append(name).append(" (user_id);\n");
            if (chained) {
                out.append("create index ").append(name).append("_parent_id_idx on public.").append(name).append(" (parent_id);\n");
            }
            out.append("alter table public.").append(name).append(" enable row level security;\n");
            out.append("create policy \"").append(name).append(": own\" on public.").append(name)
                    .append(" for all to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);\n");
            // since 2026 a table reaches the Data API only through its own GRANT (and verify then probes it)
            out.append("grant select, insert, update, delete on public.").append(name).append(" to authenticated;\n");
            if (t % 10 == 0) {
                out.append("create function public.").append(name).append("_total(p_user uuid) returns numeric\n")
                        .append("language sql stable set search_path = '' as $$ select coalesce(sum(amount), 0) from public.")
                        .append(name).append(" where user_id = p_user $$;\n");
            }
            out.append('\n');
        }
        for (int i = 0; i < files; i++) {
            Files.writeString(dir.resolve(String.format("2025%010d_part_%02d.sql", i + 1, i + 1)), sql.get(i).toString());
        }
        return dir;
    }

    /** One more migration after the generated ones, with {@code tables} user-owned tables of the same shape. */
    static Path append(Path dir, int tables) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (int t = 1; t <= tables; t++) {
            String name = "appended_" + t;
            sql.append("create table public.").append(name).append(" (\n")
                    .append("  id bigint generated always as identity primary key,\n")
                    .append("  user_id uuid not null references auth.users (id) on delete cascade,\n")
                    .append("  title text not null\n);\n")
                    .append("create index ").append(name).append("_user_id_idx on public.").append(name).append(" (user_id);\n")
                    .append("alter table public.").append(name).append(" enable row level security;\n")
                    .append("create policy \"").append(name).append(": own\" on public.").append(name)
                    .append(" for all to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);\n")
                    .append("grant select, insert, update, delete on public.").append(name).append(" to authenticated;\n\n");
        }
        return Files.writeString(dir.resolve("20990101000000_appended.sql"), sql.toString());
    }
}
