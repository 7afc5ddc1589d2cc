-- id: no-text-primary-keys
-- severity: WARN
-- summary: Primary keys should not be free text.
-- fix: Use a uuid or an identity column, and keep the text in a unique column.
select format('%I.%I', n.nspname, c.relname) as object,
       format('%I.%I is keyed by text column %I', n.nspname, c.relname, a.attname) as message
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
where k.contype = 'p' and n.nspname = 'public' and a.atttypid = 'text'::regtype
