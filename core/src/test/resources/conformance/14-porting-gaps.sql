-- What a ported application hits next: pg_typeof's type names, array literals in more places, and the
-- character types' rules on every kind of write.
-- source: postgresql

-- setup
CREATE TABLE typed (id int, v varchar(3), c char(2), s text, n numeric(5,2), f real, d double precision, b bytea, j jsonb, ts timestamp, tz timestamptz, xs int[], tags text[], flag boolean, big bigint);
INSERT INTO typed VALUES (1, 'a', 'b', 'c', 1.5, 1, 2, '\x01', '{}', '2020-01-01', '2020-01-01', '{1}', '{a}', true, 1);

-- case: pg_typeof names the types of columns as PostgreSQL does
SELECT pg_typeof(id) AS id, pg_typeof(v) AS v, pg_typeof(c) AS c, pg_typeof(s) AS s, pg_typeof(n) AS n, pg_typeof(f) AS f, pg_typeof(d) AS d, pg_typeof(b) AS b FROM typed;
-- expect
id|v|c|s|n|f|d|b
integer|character varying|character|text|numeric|real|double precision|bytea

-- case: pg_typeof of jsonb, timestamps, arrays, booleans, bigint and an expression
SELECT pg_typeof(j) AS j, pg_typeof(ts) AS ts, pg_typeof(tz) AS tz, pg_typeof(xs) AS xs, pg_typeof(tags) AS tags, pg_typeof(flag) AS flag, pg_typeof(big) AS big, pg_typeof(v || 'x') AS joined FROM typed;
-- expect
j|ts|tz|xs|tags|flag|big|joined
jsonb|timestamp without time zone|timestamp with time zone|integer[]|text[]|boolean|bigint|text

-- case: pg_typeof of constants: an untyped string and NULL are unknown, arrays have no dimensions
SELECT pg_typeof(1) AS a, pg_typeof(1.5) AS b, pg_typeof('x') AS c, pg_typeof(NULL) AS d, pg_typeof(ARRAY[[1, 2]]) AS e, pg_typeof('x'::varchar(2)) AS f, pg_typeof(date '2020-01-01') AS g, pg_typeof(interval '1 day') AS h;
-- expect
a|b|c|d|e|f|g|h
integer|numeric|unknown|unknown|integer[]|character varying|date|interval

-- case: pg_typeof of function results, compared as text
SELECT pg_typeof(count(*)) AS a, pg_typeof(length('x')) AS b, pg_typeof(now()) AS c, pg_typeof(1)::text = 'integer' AS eq;
-- expect
a|b|c|eq
bigint|integer|timestamp with time zone|t
