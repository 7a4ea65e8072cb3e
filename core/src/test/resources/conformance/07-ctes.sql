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

-- case[gap]: a CTE holding a bound array, read in a subquery
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
