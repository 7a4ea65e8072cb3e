-- Names resolve in the nearest scope: aliases, CTE names, outer queries, then any table the statement reads.

-- case: a CTE with a table's name hides the table
WITH docs AS (SELECT 1 AS emb) SELECT emb <#> $1 FROM docs
-- error: <#> needs a column of a Lakebench table on its left: emb is not one. Search an EMBEDDING column (cosine), an EMBEDDING_2D column (MaxSim) or a TEXT column (BM25), e.g. embedding <#> $1

-- case: a column of an outer query inside a subquery
SELECT id FROM docs d WHERE EXISTS (SELECT 1 FROM notes n WHERE n.body @> 'x' AND d.body @> 'y')
-- engine:
SELECT id FROM docs d WHERE EXISTS (SELECT 1 AS "?column?" FROM notes n WHERE contains(n.body , 'x') AND contains(d.body , 'y'))

-- case: an ambiguous column in a search is refused
SELECT emb <#> $1 FROM docs, notes
-- error: Column "emb" is ambiguous: tables docs, notes all have it. Qualify it with the table name or alias, e.g. docs.emb

-- case: a fully qualified column
SELECT main.docs.body @> 'x' FROM docs
-- engine:
SELECT contains(main.docs.body , 'x') AS "?column?" FROM docs

-- case: a table in another schema is not a Lakebench table
SELECT body @> 'x' FROM other.docs
-- engine:
SELECT body @> 'x' AS "?column?" FROM other.docs

-- case: a set operation rewrites each branch
SELECT body @> 'a' FROM docs UNION ALL SELECT body @> 'b' FROM notes
-- engine:
SELECT contains(body , 'a') AS "?column?" FROM docs UNION ALL SELECT contains(body , 'b') AS "?column?" FROM notes

-- case: a scalar subquery in the select list
SELECT (SELECT max(emb <#> $1) FROM notes) AS best
-- engine:
SELECT (SELECT max(lb_cosine(struct_extract(emb, 'lb_vec'), $1)) AS "max" FROM notes) AS best
-- slot: vector query notes.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: searching a column the table does not have names the ones it has
SELECT id FROM docs ORDER BY embedding <#> $1 DESC LIMIT 3
-- error: <#> needs a column of a Lakebench table on its left: embedding is not one; the columns it can search here are title (TEXT), body (TEXT), emb (EMBEDDING), multi (EMBEDDING_2D). Put one of them on the left, e.g. emb <#> $1
