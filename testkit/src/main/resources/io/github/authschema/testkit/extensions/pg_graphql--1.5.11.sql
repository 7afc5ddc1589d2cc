-- authschema stand-in for pg_graphql (supabase/pg_graphql): what migrations and db pull dumps reference.
create function graphql.resolve(query text, variables jsonb default '{}', "operationName" text default null,
                                extensions jsonb default null) returns jsonb
language sql stable as $$
  select jsonb_build_object('errors', jsonb_build_array(jsonb_build_object('message',
    'pg_graphql is a stand-in in authschema''s emulation: GraphQL queries are not executed')))
$$;
create function graphql.comment_directive(comment_ text) returns jsonb language sql immutable as $$ select null::jsonb $$;
create function graphql.exception(message text) returns text language plpgsql as $$ begin raise exception '%', message; end $$;
grant usage on schema graphql to postgres, anon, authenticated, service_role;
grant execute on all functions in schema graphql to postgres, anon, authenticated, service_role;
