-- Casts and the names of result columns (PostgreSQL documentation, 4.2.9, 7.3.2).
-- setup
CREATE TABLE c (id int, n int, t text, r real);
INSERT INTO c VALUES (1, 42, '3.5', 1.25), (2, -7, '10', 0.5);
-- end setup
SELECT 1;
SELECT 1 + 1;
SELECT 'abc';
SELECT NULL;
SELECT 1 AS one, 2 two;
SELECT 1::int;
SELECT 1::bigint;
SELECT 1::smallint;
SELECT '1'::integer;
SELECT 1::text;
SELECT 1::float8, 1::float4, 1::real, 1::double precision;
SELECT 1.5::numeric;
SELECT 1.5::numeric(5, 2);
SELECT 1.567::numeric(5, 2);
SELECT 3.7::int, -3.5::int, 2.5::int;
SELECT '3.7'::float8::int;
SELECT 'true'::boolean, 1::boolean;
SELECT true::int;
SELECT 'abc'::varchar(2);
SELECT CAST(42 AS text);
SELECT CAST('2024-03-05' AS date);
SELECT int '42', text 'x', date '2024-01-01';
SELECT 42::text || 'x';
SELECT '12'::int + 1;
SELECT 'x'::int;
SELECT 99999999999::int;
-- differs: column types: PostgreSQL [INT64, INT64, OTHER, INT32, INT32], Lakebench [INT64, INT64, FLOAT64, INT32, INT32]
SELECT count(*), sum(n), avg(n), min(n), max(n) FROM c;
SELECT n::text, t::numeric, r::numeric FROM c ORDER BY id;
SELECT id, n::float8 / 3 FROM c ORDER BY id;
SELECT id, t::float8 FROM c ORDER BY id;
-- differs: column types: PostgreSQL [INT32, FLOAT32, FLOAT64, FLOAT64], Lakebench [INT32, FLOAT32, FLOAT32, FLOAT64]
SELECT id, r, r * 2, r::float8 FROM c ORDER BY id;
SELECT upper(t), lower(t) AS l FROM c ORDER BY id;
SELECT c.n FROM c ORDER BY id;
SELECT n + 1, -n FROM c ORDER BY id;
SELECT CASE WHEN n > 0 THEN 1 END FROM c ORDER BY id;
SELECT EXISTS (SELECT 1);
SELECT (SELECT 1);
SELECT (SELECT n FROM c WHERE id = 1);
SELECT ARRAY[1];
SELECT ROW(1, 'a');
SELECT coalesce(n, 0), nullif(n, 0), greatest(n, 0) FROM c ORDER BY id;
SELECT now() IS NOT NULL;
SELECT current_date IS NOT NULL AS today;
SELECT n IS NULL FROM c ORDER BY id;
SELECT 'a' = 'a';
-- differs: column types: PostgreSQL [OTHER, OTHER, OTHER, OTHER], Lakebench [TEXT, TEXT, TEXT, TEXT]
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(1::bigint);
SELECT id AS "Id", n AS "my col" FROM c ORDER BY id;
SELECT "id" FROM c ORDER BY 1;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 10::numeric / 4;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 10 / 4::numeric;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 2::numeric ^ 10;
-- differs: column types: PostgreSQL [OTHER, OTHER, OTHER], Lakebench [FLOAT64, FLOAT64, OTHER]
SELECT 1e3, 1.0e3, 0.00012;
SELECT 100::numeric(5, 1);
SELECT '  42  '::int;
-- differs: column types: PostgreSQL [FLOAT64, FLOAT64], Lakebench [FLOAT64, FLOAT32]
SELECT 3::float8 / 2, 3 / 2::float4;
SELECT 0.1::real;
-- differs: column types: PostgreSQL [FLOAT64], Lakebench [FLOAT32]
SELECT 1.0::real / 3;
SELECT 123456.789::real;
SELECT 1::numeric::text;
-- real values print as PostgreSQL prints a float4.
SELECT '3.3'::float4, 1e-7::real, 2.5::real, -0.7::float4;
SELECT ROW(1, NULL, 'a b');
SELECT NULL AS x, NULL::text AS y;
SELECT CAST('abcd' AS character varying(3)), 'ab'::varchar(5), 12345::varchar(3);
