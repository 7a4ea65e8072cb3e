-- Statement forms around queries: EXPLAIN, CREATE TABLE AS, CREATE INDEX, DROP INDEX, CREATE TABLE.

-- case: EXPLAIN of a top-k search
EXPLAIN SELECT id, emb <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 3
-- explain:
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 3
-- slot: hits VECTOR docs.emb = $1 as docs limit 3.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 3.0 offset null

-- case: EXPLAIN ANALYZE with options
EXPLAIN (ANALYZE, FORMAT text) SELECT body @> 'x' FROM docs
-- explain analyze:
-- engine:
SELECT contains(body , 'x') AS "?column?" FROM docs

-- case: CREATE TABLE AS copies vectors into the new table's logs
CREATE TABLE copy AS SELECT id, emb FROM docs WHERE body @> 'x'
-- create table as: copy
SELECT id, emb FROM docs WHERE contains(body , 'x')

-- case: CREATE INDEX
CREATE INDEX docs_emb ON docs USING deeplake_index (emb)
-- create index: docs_emb on docs [emb] type null options {}

-- case: DROP INDEX
DROP INDEX IF EXISTS docs_emb, docs_body
-- drop index: [docs_emb, docs_body] if exists

-- case: CREATE TABLE with domain types
CREATE TABLE media (id int, picture IMAGE, emb EMBEDDING[4]) USING deeplake
-- create table: media [id INT32, picture IMAGE, emb OTHER]

-- case: a view with a search in its body
CREATE VIEW hits AS SELECT id, body @> 'x' AS has FROM docs
-- engine:
CREATE VIEW hits AS SELECT id, contains(body , 'x') AS has FROM docs
