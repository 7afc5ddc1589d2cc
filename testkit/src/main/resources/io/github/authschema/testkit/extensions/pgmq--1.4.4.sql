-- authschema stand-in for pgmq 1.4.4 (tembo-io/pgmq, the version Supabase Queues ship): the same
-- tables (pgmq.q_<queue>, pgmq.a_<queue>, pgmq.meta), the same functions under the same signatures,
-- in PL/pgSQL. Messages are stored and read back with the same visibility-timeout rules; no worker
-- consumes them, so a test can assert what a trigger or function queued.

create table pgmq.meta (
  queue_name varchar unique not null,
  is_partitioned boolean not null,
  is_unlogged boolean not null,
  created_at timestamptz not null default now()
);

create type pgmq.message_record as (
  msg_id bigint,
  read_ct integer,
  enqueued_at timestamptz,
  vt timestamptz,
  message jsonb
);

create type pgmq.queue_record as (
  queue_name varchar,
  is_partitioned boolean,
  is_unlogged boolean,
  created_at timestamptz
);

create type pgmq.metrics_result as (
  queue_name text,
  queue_length bigint,
  newest_msg_age_sec int,
  oldest_msg_age_sec int,
  total_messages bigint,
  scrape_time timestamptz
);

create function pgmq.format_table_name(queue_name text, prefix text) returns text
language plpgsql immutable as $$
begin
  if queue_name ~ '\$|;|--|''' then
    raise exception 'queue name contains invalid characters: $, ;, --, or \''';
  end if;
  return lower(prefix || '_' || queue_name);
end $$;

create function pgmq.validate_queue_name(queue_name text) returns void
language plpgsql as $$
begin
  if length(queue_name) > 47 then
    raise exception 'queue name is too long, maximum length is 47 characters';
  end if;
end $$;

create function pgmq.create_non_partitioned(queue_name text) returns void
language plpgsql as $$
#variable_conflict use_column
declare
  qtable text := pgmq.format_table_name(queue_name, 'q');
  atable text := pgmq.format_table_name(queue_name, 'a');
begin
  perform pgmq.validate_queue_name(queue_name);
  execute format('create table if not exists pgmq.%I (msg_id bigint primary key generated always as identity, '
                 'read_ct int default 0 not null, enqueued_at timestamptz default now() not null, vt timestamptz not null, '
                 'message jsonb)', qtable);
  execute format('create table if not exists pgmq.%I (msg_id bigint primary key, read_ct int default 0 not null, '
                 'enqueued_at timestamptz default now() not null, archived_at timestamptz default now() not null, '
                 'vt timestamptz not null, message jsonb)', atable);
  execute format('create index if not exists %I on pgmq.%I (vt asc)', qtable || '_vt_idx', qtable);
  execute format('create index if not exists %I on pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name, atable);
  insert into pgmq.meta (queue_name, is_partitioned, is_unlogged) values (create_non_partitioned.queue_name, false, false)
    on conflict (queue_name) do nothing;
end $$;

create function pgmq."create"(queue_name text) returns void
language sql as $$ select pgmq.create_non_partitioned(queue_name) $$;

create function pgmq.create_unlogged(queue_name text) returns void
language plpgsql as $$
begin
  perform pgmq.create_non_partitioned(queue_name);
  execute format('alter table pgmq.%I set unlogged', pgmq.format_table_name(queue_name, 'q'));
  update pgmq.meta m set is_unlogged = true where m.queue_name = create_unlogged.queue_name;
end $$;

create function pgmq.drop_queue(queue_name text) returns boolean
language plpgsql as $$
begin
  execute format('drop table if exists pgmq.%I', pgmq.format_table_name(queue_name, 'q'));
  execute format('drop table if exists pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
  delete from pgmq.meta m where m.queue_name = drop_queue.queue_name;
  return true;
end $$;

create function pgmq.purge_queue(queue_name text) returns bigint
language plpgsql as $$
declare
  deleted bigint;
begin
  execute format('with d as (delete from pgmq.%I returning 1) select count(*) from d', pgmq.format_table_name(queue_name, 'q'))
    into deleted;
  return deleted;
end $$;

create function pgmq.send(queue_name text, msg jsonb, delay integer default 0) returns setof bigint
language plpgsql as $$
begin
  return query execute format('insert into pgmq.%I (vt, message) values (now() + make_interval(secs => $1), $2) returning msg_id',
                              pgmq.format_table_name(queue_name, 'q'))
    using delay, msg;
end $$;

create function pgmq.send_batch(queue_name text, msgs jsonb[], delay integer default 0) returns setof bigint
language plpgsql as $$
begin
  return query execute format('insert into pgmq.%I (vt, message) select now() + make_interval(secs => $1), unnest($2) returning msg_id',
                              pgmq.format_table_name(queue_name, 'q'))
    using delay, msgs;
end $$;

create function pgmq.read(queue_name text, vt integer, qty integer) returns setof pgmq.message_record
language plpgsql as $$
begin
  return query execute format('with cte as (select msg_id from pgmq.%1$I where vt <= clock_timestamp() order by msg_id asc '
                              'limit $1 for update skip locked) '
                              'update pgmq.%1$I m set vt = clock_timestamp() + make_interval(secs => $2), read_ct = read_ct + 1 '
                              'from cte where m.msg_id = cte.msg_id returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message',
                              pgmq.format_table_name(queue_name, 'q'))
    using qty, vt;
end $$;

create function pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer default 5,
                                    poll_interval_ms integer default 100) returns setof pgmq.message_record
language sql as $$ select * from pgmq.read(queue_name, vt, qty) $$;

create function pgmq.pop(queue_name text) returns setof pgmq.message_record
language plpgsql as $$
begin
  return query execute format('with cte as (select msg_id from pgmq.%1$I where vt <= clock_timestamp() order by msg_id asc '
                              'limit 1 for update skip locked) '
                              'delete from pgmq.%1$I m using cte where m.msg_id = cte.msg_id '
                              'returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message',
                              pgmq.format_table_name(queue_name, 'q'));
end $$;

create function pgmq.archive(queue_name text, msg_id bigint) returns boolean
language plpgsql as $$
declare
  moved bigint;
begin
  execute format('with a as (delete from pgmq.%I where msg_id = $1 returning msg_id, vt, read_ct, enqueued_at, message) '
                 'insert into pgmq.%I (msg_id, vt, read_ct, enqueued_at, message) select msg_id, vt, read_ct, enqueued_at, message '
                 'from a returning msg_id', pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a'))
    using msg_id into moved;
  return moved is not null;
end $$;

create function pgmq.archive(queue_name text, msg_ids bigint[]) returns setof bigint
language plpgsql as $$
begin
  return query execute format('with a as (delete from pgmq.%I where msg_id = any($1) returning msg_id, vt, read_ct, enqueued_at, message) '
                              'insert into pgmq.%I (msg_id, vt, read_ct, enqueued_at, message) '
                              'select msg_id, vt, read_ct, enqueued_at, message from a returning msg_id',
                              pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a'))
    using msg_ids;
end $$;

create function pgmq.delete(queue_name text, msg_id bigint) returns boolean
language plpgsql as $$
declare
  deleted bigint;
begin
  execute format('delete from pgmq.%I where msg_id = $1 returning msg_id', pgmq.format_table_name(queue_name, 'q'))
    using msg_id into deleted;
  return deleted is not null;
end $$;

create function pgmq.delete(queue_name text, msg_ids bigint[]) returns setof bigint
language plpgsql as $$
begin
  return query execute format('delete from pgmq.%I where msg_id = any($1) returning msg_id', pgmq.format_table_name(queue_name, 'q'))
    using msg_ids;
end $$;

create function pgmq.set_vt(queue_name text, msg_id bigint, vt integer) returns setof pgmq.message_record
language plpgsql as $$
begin
  return query execute format('update pgmq.%I set vt = now() + make_interval(secs => $2) where msg_id = $1 '
                              'returning msg_id, read_ct, enqueued_at, vt, message', pgmq.format_table_name(queue_name, 'q'))
    using msg_id, vt;
end $$;

create function pgmq.list_queues() returns setof pgmq.queue_record
language sql as $$ select queue_name, is_partitioned, is_unlogged, created_at from pgmq.meta $$;

create function pgmq.metrics(queue_name text) returns pgmq.metrics_result
language plpgsql as $$
declare
  result pgmq.metrics_result;
begin
  execute format('select %L, count(*), extract(epoch from (now() - max(enqueued_at)))::int, '
                 'extract(epoch from (now() - min(enqueued_at)))::int, '
                 '(select coalesce(max(msg_id), 0) from pgmq.%I), now() from pgmq.%I',
                 queue_name, pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'q'))
    into result;
  return result;
end $$;

create function pgmq.metrics_all() returns setof pgmq.metrics_result
language sql as $$ select (pgmq.metrics(m.queue_name)).* from pgmq.meta m $$;

-- supautils' after-create script for pgmq (supabase/postgres) hands the extension's objects to
-- postgres, so the queues postgres creates are its own
alter schema pgmq owner to postgres;
alter table pgmq.meta owner to postgres;
do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_proc p where p.pronamespace = 'pgmq'::regnamespace loop
    execute format('alter function %s owner to postgres', f);
  end loop;
end $$;
alter type pgmq.message_record owner to postgres;
alter type pgmq.queue_record owner to postgres;
alter type pgmq.metrics_result owner to postgres;
