-- ORDER BY <search> DESC LIMIT k on one table: the search runs first and the table is joined to its hits.

-- case: vector top-k with the score in the select list is index-only
SELECT id, title, emb <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 10
-- engine:
SELECT id, title, "_lb_score" AS score FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY score DESC LIMIT 10
-- slot: hits VECTOR docs.emb = $1 as docs limit 10.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id, title] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=title, column=title], Output[name=score, column=null]] limit 10.0 offset null

-- case: star excludes the score column
SELECT *, emb <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 10
-- engine:
SELECT * EXCLUDE ("_lb_score"), "_lb_score" AS score FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY score DESC LIMIT 10
-- slot: hits VECTOR docs.emb = $1 as docs limit 10.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id, title, body, emb, multi, picture, price] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=title, column=title], Output[name=body, column=body], Output[name=emb, column=emb], Output[name=multi, column=multi], Output[name=picture, column=picture], Output[name=price, column=price], Output[name=score, column=null]] limit 10.0 offset null

-- case: star with an EXCLUDE list merges the score column into it
SELECT * EXCLUDE (picture), emb <#> $1 AS score FROM docs ORDER BY score DESC LIMIT 10
-- engine:
SELECT * EXCLUDE ("_lb_score", picture), "_lb_score" AS score FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY score DESC LIMIT 10
-- slot: hits VECTOR docs.emb = $1 as docs limit 10.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id, title, body, emb, multi, picture, price] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=title, column=title], Output[name=body, column=body], Output[name=emb, column=emb], Output[name=multi, column=multi], Output[name=picture, column=picture], Output[name=price, column=price], Output[name=score, column=null]] limit 10.0 offset null

-- case: star with a single EXCLUDE name
SELECT * EXCLUDE picture, emb <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 3
-- engine:
SELECT * EXCLUDE ("_lb_score", picture), "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 3
-- slot: hits VECTOR docs.emb = $1 as docs limit 3.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id, title, body, emb, multi, picture, price] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=title, column=title], Output[name=body, column=body], Output[name=emb, column=emb], Output[name=multi, column=multi], Output[name=picture, column=picture], Output[name=price, column=price], Output[name=s, column=null]] limit 3.0 offset null

-- case: ordering by the expression itself
SELECT id FROM docs ORDER BY emb <#> $1 DESC LIMIT 5
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY "_lb_score" DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id]] limit 5.0 offset null

-- case: ordering by position
SELECT id, emb <#> $1 FROM docs ORDER BY 2 DESC LIMIT 5
-- engine:
SELECT id, "_lb_score" AS "?column?" FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY 2 DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=?column?, column=null]] limit 5.0 offset null

-- case: LIMIT and OFFSET as parameters
SELECT id, emb <#> $1 AS s FROM docs d ORDER BY s DESC LIMIT $2 OFFSET $3
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") d ORDER BY s DESC LIMIT $2 OFFSET $3
-- slot: hits VECTOR docs.emb = $1 as d limit $2 offset $3
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit $2 offset $3

-- case: a WHERE of simple conditions becomes a filter with predicates
SELECT id, emb <#> $1 AS s FROM docs WHERE price < 10 AND title = 'x' AND 3 <= id AND body @> 'red' ORDER BY s DESC LIMIT 5
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" WHERE price < 10 AND title = 'x' AND 3 <= id AND contains(body , 'red') ORDER BY s DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null filter price < 10 AND title = 'x' AND 3 <= id AND contains(body , 'red') predicates [price < 10.0, title = x, id >= 3.0, body contains red]
-- note: top-k search: emb <#> $1 on table "docs", WHERE applied as a filter before ranking

-- case: contains() is a predicate too
SELECT id, emb <#> $1 AS s FROM docs WHERE contains(body, $2) ORDER BY s DESC LIMIT 5
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" WHERE contains(body, $2) ORDER BY s DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null filter contains(body, $2) predicates [body contains $2]
-- note: top-k search: emb <#> $1 on table "docs", WHERE applied as a filter before ranking

-- case: a WHERE with OR is a filter without predicates
SELECT id, emb <#> $1 AS s FROM docs WHERE price < 10 OR id = 2 ORDER BY s DESC LIMIT 5
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" WHERE price < 10 OR id = 2 ORDER BY s DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null filter price < 10 OR id = 2
-- note: top-k search: emb <#> $1 on table "docs", WHERE applied as a filter before ranking

-- case: a WHERE that names a select alias is not pushed down
SELECT id, emb <#> $1 AS s, price * 2 AS dbl FROM docs WHERE dbl > 3 ORDER BY s DESC LIMIT 5
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS s, price * 2 AS dbl FROM docs WHERE dbl > 3 ORDER BY s DESC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: BM25 top-k returns only matching documents
SELECT id, body <#> 'red apple' AS s FROM docs ORDER BY s DESC LIMIT 3
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key" WHERE "_lb_h"."score" > 0) AS "docs" ORDER BY s DESC LIMIT 3
-- slot: hits TEXT docs.body = red apple as docs limit 3.0 offset null
-- note: top-k search: body <#> 'red apple' on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 3.0 offset null matching only

-- case: MaxSim top-k
SELECT id, multi <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 3
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 3
-- slot: hits MULTI_VECTOR docs.multi = $1 as docs limit 3.0 offset null
-- note: top-k search: multi <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 3.0 offset null

-- case: hybrid top-k with default weights
SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) AS s FROM docs ORDER BY s DESC LIMIT 4
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 4
-- slot: hits HYBRID docs.emb = $1, body = $2 weights 0.5/0.5 as docs limit 4.0 offset null
-- note: top-k search: (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 4.0 offset null

-- case: hybrid top-k with weights
SELECT id, (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.3, 0.7) AS s FROM docs ORDER BY s DESC LIMIT 4
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 4
-- slot: hits HYBRID docs.emb = $1, body = $2 weights 0.3/0.7 as docs limit 4.0 offset null
-- note: top-k search: (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.3, 0.7) on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 4.0 offset null

-- case: the weighted record cast
SELECT id, (emb, body)::deeplake_hybrid_record <#> ($1, 'words', 0.4, 0.6)::deeplake_hybrid_record AS s FROM docs ORDER BY s DESC LIMIT 4
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 4
-- slot: hits HYBRID docs.emb = $1, body = words weights 0.4/0.6 as docs limit 4.0 offset null
-- note: top-k search: (emb, body)::deeplake_hybrid_record <#> ($1, 'words', 0.4, 0.6)::deeplake_hybrid_record on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 4.0 offset null

-- case: a join is not pushed down
SELECT d.id, d.emb <#> $1 AS s FROM docs d JOIN notes n ON d.id = n.id ORDER BY s DESC LIMIT 5
-- engine:
SELECT d.id, lb_cosine(struct_extract(d.emb, 'lb_vec'), $1) AS s FROM docs d JOIN notes n ON d.id = n.id ORDER BY s DESC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: d.emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: grouping is not pushed down
SELECT title, max(emb <#> $1) AS s FROM docs GROUP BY title ORDER BY s DESC LIMIT 5
-- engine:
SELECT title, max(lb_cosine(struct_extract(emb, 'lb_vec'), $1)) AS s FROM docs GROUP BY title ORDER BY s DESC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: ascending order is not a top-k
SELECT id, emb <#> $1 AS s FROM docs ORDER BY s ASC LIMIT 5
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS s FROM docs ORDER BY s ASC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: a top-k inside a subquery
SELECT * FROM (SELECT id, emb <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 5) AS top WHERE s > 0.2
-- engine:
SELECT * FROM (SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 5) AS top WHERE s > 0.2
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"

-- case: a top-k inside a CTE read by name
WITH top AS (SELECT id, emb <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 5) SELECT * FROM top
-- engine:
WITH top AS (SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 5) SELECT * FROM top
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"

-- case: a qualified star of the table
SELECT d.*, d.emb <#> $1 AS s FROM docs AS d ORDER BY s DESC LIMIT 2
-- engine:
SELECT d.* EXCLUDE ("_lb_score"), "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS d ORDER BY s DESC LIMIT 2
-- slot: hits VECTOR docs.emb = $1 as d limit 2.0 offset null
-- note: top-k search: d.emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id, title, body, emb, multi, picture, price] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=title, column=title], Output[name=body, column=body], Output[name=emb, column=emb], Output[name=multi, column=multi], Output[name=picture, column=picture], Output[name=price, column=price], Output[name=s, column=null]] limit 2.0 offset null

-- case: a second search with another query stays per-row
SELECT id, emb <#> $1 AS s, emb <#> $2 AS t FROM docs ORDER BY s DESC LIMIT 2
-- engine:
SELECT id, "_lb_score" AS s, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS t FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($2) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY s DESC LIMIT 2
-- slot: vector query docs.emb = $2
-- slot: hits VECTOR docs.emb = $1 as docs limit 2.0 offset null
-- note: per-row score: emb <#> $2 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)
-- note: top-k search: emb <#> $1 on table "docs"

-- case: hybrid over an (EMBEDDING_2D, TEXT) record: MaxSim on the multi-vector side, BM25 on the text
SELECT id FROM docs ORDER BY (multi, body)::deeplake_hybrid_record <#> deeplake_hybrid_record(ARRAY[[1, 0]]::float4[][], 'cat') LIMIT 3
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY "_lb_score" DESC LIMIT 3
-- slot: hits HYBRID docs.multi = [1 rows], body = cat weights 0.5/0.5 as docs limit 3.0 offset null
-- note: top-k search: (multi, body)::deeplake_hybrid_record <#> deeplake_hybrid_record(ARRAY[[1, 0]]::float4[][], 'cat') on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id]] limit 3.0 offset null

-- case: a lower bound on the ranking score is applied to the hits; the other conditions go with the search
SELECT id, emb <#> $1 AS s FROM docs WHERE price < 10 AND emb <#> $1 > 0.5 ORDER BY s DESC LIMIT 3
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" WHERE price < 10 AND "_lb_score" > 0.5 ORDER BY s DESC LIMIT 3
-- slot: hits VECTOR docs.emb = $1 as docs limit 3.0 offset null filter price < 10 predicates [price < 10.0]
-- note: top-k search: emb <#> $1 on table "docs", WHERE applied as a filter before ranking, its bound on the score applied to the hits

-- case: an upper bound on the ranking score needs every row's score: no push-down
SELECT id, emb <#> $1 AS s FROM docs WHERE emb <#> $1 < 0.5 ORDER BY s DESC LIMIT 3
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS s FROM docs WHERE lb_cosine(struct_extract(emb, 'lb_vec'), $2) < 0.5 ORDER BY s DESC LIMIT 3
-- slot: vector query docs.emb = $1
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)
