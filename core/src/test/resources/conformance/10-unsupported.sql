-- Statements the local engine does not run fail with what is not supported and what to write instead.
-- source: pg_deeplake

-- setup
CREATE TABLE t (id int, body text);
INSERT INTO t VALUES (1, 'a');

-- case: BM25_SIMILARITY() names <#>
SELECT BM25_SIMILARITY(body, 'a') FROM t;
-- error: Rank text with the <#> operator

-- case: a PostgreSQL function the engine lacks names itself
SELECT pg_size_pretty(pg_total_relation_size('t'));
-- error: is not supported by the local engine

-- case: LISTEN is not supported
LISTEN channel;
-- error: is not supported by the local engine

-- case: PREPARE is not supported, even with a parameter in it
PREPARE q(int) AS SELECT body FROM t WHERE id = $1;
-- error: is not supported by the local engine

-- case: CREATE EXTENSION is not supported
CREATE EXTENSION pg_trgm;
-- error: is not supported by the local engine

-- case: CREATE EXTENSION deeplake is accepted (the dialect is built in)
CREATE EXTENSION IF NOT EXISTS pg_deeplake;
SELECT count(*) FROM t;
-- expect
count
1

-- case: a type the engine lacks is named
SELECT 'a'::tsvector;
-- error: Type tsvector is not supported by the local engine

-- case: CREATE FUNCTION says what to write instead
CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;
-- error: CREATE FUNCTION is not supported by the local engine

-- case: a missing function suggests the engine's equivalent
SELECT pg_total_relation_size('t');
-- error: Write describeTable(t) for the row count instead
