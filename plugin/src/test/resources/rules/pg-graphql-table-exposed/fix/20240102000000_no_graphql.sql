-- the app uses the REST API only
drop extension pg_graphql;
