-- <#> that is not a top-k search: the score is computed for each row.

-- case: cosine against a parameter in the select list
SELECT id, emb <#> $1 AS score FROM docs
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS score FROM docs
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: cosine against a literal vector
SELECT id FROM docs WHERE emb <#> ARRAY[1, 2, 3]::float4[] > 0.5
-- engine:
SELECT id FROM docs WHERE lb_cosine(struct_extract(emb, 'lb_vec'), $1) > 0.5
-- slot: vector query docs.emb = [3 values]
-- note: per-row score: emb <#> ARRAY[1, 2, 3]::float4[] computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: cosine against a quoted vector
SELECT id, emb <#> '[1,2,3]' FROM docs
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS "?column?" FROM docs
-- slot: vector query docs.emb = [3 values]
-- note: per-row score: emb <#> '[1,2,3]' computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: cosine between two vector columns of the same type
SELECT a.id, a.emb <#> b.emb FROM docs a JOIN notes b ON a.id = b.id
-- engine:
SELECT a.id, lb_cosine_refs(struct_extract(a.emb, 'lb_vec'), struct_extract(b.emb, 'lb_vec')) AS "?column?" FROM docs a JOIN notes b ON a.id = b.id
-- note: per-row score: a.emb <#> b.emb computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: cosine against a text expression of the row
SELECT id, emb <#> body FROM docs
-- error: <#> compares column "emb" of table "docs" (EMBEDDING[3]) with column "body" of table "docs" (TEXT): the types differ. Compare columns of the same type

-- case: MaxSim against a literal multi-vector
SELECT id, multi <#> ARRAY[[1, 0], [0, 1]] FROM docs
-- engine:
SELECT id, lb_maxsim(struct_extract(multi, 'lb_mvec'), $1) AS "?column?" FROM docs
-- slot: multi-vector query docs.multi = [2 rows]
-- note: per-row score: multi <#> ARRAY[[1, 0], [0, 1]] computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: MaxSim between columns
SELECT a.id, a.multi <#> b.multi FROM docs a, docs b
-- engine:
SELECT a.id, lb_maxsim_refs(struct_extract(a.multi, 'lb_mvec'), struct_extract(b.multi, 'lb_mvec')) AS "?column?" FROM docs a, docs b
-- note: per-row score: a.multi <#> b.multi computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: BM25 against a string
SELECT id, body <#> 'red apple' FROM docs
-- engine:
SELECT id, lb_bm25(body, $1) AS "?column?" FROM docs
-- slot: text query docs.body = red apple
-- note: per-row score: body <#> 'red apple' computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: BM25 against a per-row value is refused
SELECT id, body <#> title FROM docs
-- error: The BM25 query of column "body" of table "docs" (TEXT) must be one value for the whole statement, got title. Pass the query text as a parameter ($1) or a string literal

-- case: the column may be on the right
SELECT id, $1 <#> emb FROM docs
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS "?column?" FROM docs
-- slot: vector query docs.emb = $1
-- note: per-row score: $1 <#> emb computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: a hybrid without a top-k is refused
SELECT (emb, body)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) FROM docs
-- error: A hybrid score is a merge of two ranked lists, so it needs ORDER BY <hybrid> DESC LIMIT k on table "docs" (no joins, grouping or DISTINCT in that SELECT). Write SELECT *, (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) AS score FROM t ORDER BY score DESC LIMIT 10

-- case: an expression on the left is refused
SELECT 1 <#> $1
-- error: <#> needs a column of a Lakebench table on its left: 1 is not one. Search an EMBEDDING column (cosine), an EMBEDDING_2D column (MaxSim) or a TEXT column (BM25), e.g. embedding <#> $1

-- case: a column of another type is refused
SELECT price <#> $1 FROM docs
-- error: <#> cannot search column "price" of table "docs" (FLOAT64): it ranks EMBEDDING columns (cosine similarity), EMBEDDING_2D columns (MaxSim) and TEXT columns (BM25). Search an embedding or text column, or filter this one with WHERE

-- case: columns of different types are refused
SELECT a.emb <#> a.multi FROM docs a
-- error: <#> compares column "emb" of table "docs" (EMBEDDING[3]) with column "multi" of table "docs" (EMBEDDING_2D[2]): the types differ. Compare columns of the same type

-- case: a query value computed by a subquery is evaluated once
SELECT id, emb <#> (SELECT emb FROM notes WHERE id = 1) FROM docs
-- engine:
SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $1) AS "?column?" FROM docs
-- slot: vector query docs.emb = (SELECT emb FROM notes WHERE id = 1)
-- note: per-row score: emb <#> (SELECT emb FROM notes WHERE id = 1) computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: a CTE the query value reads is carried along
WITH q AS (SELECT $1::float4[] AS arr) SELECT id, emb <#> (SELECT arr FROM q) FROM docs, q
-- engine:
WITH q AS (SELECT $1::float4[] AS arr) SELECT id, lb_cosine(struct_extract(emb, 'lb_vec'), $2) AS "?column?" FROM docs, q
-- slot: vector query docs.emb = (SELECT arr FROM q)
-- note: per-row score: emb <#> (SELECT arr FROM q) computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)
