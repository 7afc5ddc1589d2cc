-- authschema stand-in for pg_net (supabase/pg_net): the queue and the three request functions. Nothing is
-- sent; a test reads net.http_request_queue to see what a trigger would have called. Like the real one it
-- keeps its objects in schema net, whatever schema the extension is created in.
create schema if not exists net;
create table net.http_request_queue (
  id bigserial primary key,
  method text not null,
  url text not null,
  headers jsonb,
  body bytea,
  timeout_milliseconds integer not null
);
create table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create function net.http_get(url text, params jsonb default '{}', headers jsonb default '{}',
                             timeout_milliseconds integer default 5000) returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('GET', url, headers, null, timeout_milliseconds) returning id
$$;
create function net.http_post(url text, body jsonb default '{}', params jsonb default '{}',
                              headers jsonb default '{"Content-Type": "application/json"}', timeout_milliseconds integer default 5000)
  returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('POST', url, headers, convert_to(body::text, 'utf8'), timeout_milliseconds) returning id
$$;
create function net.http_delete(url text, params jsonb default '{}', headers jsonb default '{}',
                                timeout_milliseconds integer default 5000) returns bigint
language sql security definer set search_path = '' as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('DELETE', url, headers, null, timeout_milliseconds) returning id
$$;
grant usage on schema net to postgres, anon, authenticated, service_role, supabase_auth_admin;
grant execute on all functions in schema net to postgres, anon, authenticated, service_role, supabase_auth_admin;
grant select on net.http_request_queue, net._http_response to postgres, service_role;
