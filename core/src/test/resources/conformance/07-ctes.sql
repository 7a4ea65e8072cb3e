-- Common table expressions are relations wherever they are used.
-- source: postgresql

-- setup
CREATE TABLE vecs (id int, emb float4[], body text);
INSERT INTO vecs VALUES (1, ARRAY[1, 0]::float4[], 'red apple'), (2, ARRAY[0, 1]::float4[], 'green pear'),
  (3, ARRAY[0.6, 0.8]::float4[], 'red pear');

-- case: a CTE joined as a relation
WITH q AS (SELECT 2 AS wanted) SELECT v.id FROM vecs v, q WHERE v.id = q.wanted;
-- expect
id
2

-- case: a CTE read in a scalar subquery
WITH q AS (SELECT max(id) AS top FROM vecs) SELECT body FROM vecs WHERE id = (SELECT top FROM q);
-- expect
body
red pear

-- case: a CTE holding a bound array, read in a subquery
WITH q AS (SELECT $1::float4[] AS arr) SELECT id FROM vecs, q WHERE vecs.emb = (SELECT arr FROM q);
-- params: {0,1}
-- expect
id
2

-- case: two CTEs, the second reading the first
WITH a AS (SELECT id FROM vecs WHERE body LIKE 'red%'), b AS (SELECT count(*) AS n FROM a) SELECT n FROM b;
-- expect
n
2

-- case: a recursive CTE
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) SELECT sum(n) FROM r;
-- expect
sum
10

-- case: a CTE named like nothing in the workspace used in IN
WITH picked AS (SELECT 1 AS id UNION ALL SELECT 3) SELECT body FROM vecs WHERE id IN (SELECT id FROM picked) ORDER BY id;
-- expect
body
red apple
red pear

-- case[local]: a CTE read by the query of a search (pg_deeplake's form)
WITH q AS (SELECT $1::float4[] AS arr) SELECT id FROM vecs, q ORDER BY emb <#> (SELECT arr FROM q) LIMIT 2;
-- params: {0,1}
-- expect
id
2
3

-- case[local]: a CTE read by a search's query text
WITH q AS (SELECT 'pear' AS words) SELECT id FROM vecs ORDER BY body <#> (SELECT words FROM q) LIMIT 5;
-- expect
id
2
3

-- case[local]: a search inside a CTE whose query reads an earlier CTE
WITH q AS (SELECT $1::float4[] AS arr), r AS (SELECT id FROM vecs ORDER BY emb <#> (SELECT arr FROM q) LIMIT 1) SELECT id FROM r;
-- params: {1,0}
-- expect
id
1
