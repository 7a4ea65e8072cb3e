-- Statements the local engine does not run fail with what is not supported and what to write instead.
-- source: pg_deeplake

-- setup
CREATE TABLE t (id int, body text);
INSERT INTO t VALUES (1, 'a');

-- case: BM25_SIMILARITY() names <#>
SELECT BM25_SIMILARITY(body, 'a') FROM t;
-- error: Rank text with the <#> operator

-- case[gap]: a PostgreSQL function the engine lacks names itself
SELECT pg_size_pretty(pg_total_relation_size('t'));
-- error: is not supported by the local engine

-- case[gap]: LISTEN is not supported
LISTEN channel;
-- error: is not supported by the local engine

-- case[gap]: CREATE EXTENSION is not supported
CREATE EXTENSION pg_trgm;
-- error: is not supported by the local engine

-- case[gap]: CREATE EXTENSION deeplake is accepted (the dialect is built in)
CREATE EXTENSION IF NOT EXISTS pg_deeplake;
SELECT count(*) FROM t;
-- expect
count
1
