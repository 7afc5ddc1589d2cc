-- authschema stand-in for http (pramsey/pgsql-http): the types and functions migrations name. A call
-- raises a clear error: tests must not reach the network.
create type @extschema@.http_header as (field character varying, value character varying);
create type @extschema@.http_response as (status integer, content_type character varying,
                                          headers @extschema@.http_header[], content character varying);
create function @extschema@.http_no_network(uri character varying) returns @extschema@.http_response
language plpgsql as $$
begin
  raise exception 'http: no network in authschema''s emulation (called for %)', uri
    using hint = 'Call pg_net (net.http_post), which the emulation records, or stub the function in the test.';
end
$$;
create function @extschema@.http_get(uri character varying) returns @extschema@.http_response
language sql as $$ select @extschema@.http_no_network(uri) $$;
create function @extschema@.http_post(uri character varying, content character varying, content_type character varying)
  returns @extschema@.http_response language sql as $$ select @extschema@.http_no_network(uri) $$;
create function @extschema@.http_put(uri character varying, content character varying, content_type character varying)
  returns @extschema@.http_response language sql as $$ select @extschema@.http_no_network(uri) $$;
create function @extschema@.http_delete(uri character varying) returns @extschema@.http_response
language sql as $$ select @extschema@.http_no_network(uri) $$;
create function @extschema@.http_head(uri character varying) returns @extschema@.http_response
language sql as $$ select @extschema@.http_no_network(uri) $$;
