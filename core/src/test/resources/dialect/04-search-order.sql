-- pg_deeplake's rule: ORDER BY <search> without a direction returns the most similar rows first.

-- case: no direction becomes DESC
SELECT id FROM docs ORDER BY emb <#> $1 LIMIT 5
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "docs" ORDER BY "_lb_score" DESC LIMIT 5
-- slot: hits VECTOR docs.emb = $1 as docs limit 5.0 offset null
-- note: top-k search: emb <#> $1 on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id]] limit 5.0 offset null

-- case: no direction on an alias of the search
SELECT id, body <#> 'apple' AS s FROM docs ORDER BY s LIMIT 5
-- engine:
SELECT id, "_lb_score" AS s FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."body", "_lb_d"."emb", "_lb_d"."multi", "_lb_d"."picture", "_lb_d"."price", "_lb_h"."score" AS "_lb_score" FROM lb_data."docs" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key" WHERE "_lb_h"."score" > 0) AS "docs" ORDER BY s DESC LIMIT 5
-- slot: hits TEXT docs.body = apple as docs limit 5.0 offset null
-- note: top-k search: body <#> 'apple' on table "docs"
-- note: index-only: when a ready index of "docs" keeps [id] as doc values, the rows come from the index without reading the table
-- index-only: slot 1 [Output[name=id, column=id], Output[name=s, column=null]] limit 5.0 offset null matching only

-- case: a written ASC stays ascending
SELECT id FROM docs ORDER BY emb <#> $1 ASC LIMIT 5
-- engine:
SELECT id FROM docs ORDER BY lb_cosine(struct_extract(emb, 'lb_vec'), $1) ASC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: other ORDER BY items keep their direction
SELECT id FROM docs ORDER BY price, emb <#> $1 LIMIT 5
-- engine:
SELECT id FROM docs ORDER BY price, lb_cosine(struct_extract(emb, 'lb_vec'), $1) DESC LIMIT 5
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)
