-- Queries: subqueries, CTEs (recursive too), DISTINCT ON, LATERAL, VALUES, set operations, NULL ordering,
-- LIMIT/OFFSET, generate_series (PostgreSQL documentation, chapter 7, 9.23, 9.25).
-- setup
CREATE TABLE p (id int, name text, parent int, score int);
INSERT INTO p VALUES (1, 'root', NULL, 5), (2, 'a', 1, NULL), (3, 'b', 1, 7), (4, 'c', 2, 3), (5, 'd', 4, NULL), (6, 'e', 3, 9);
CREATE TABLE q (pid int, tag text);
INSERT INTO q VALUES (1, 'x'), (1, 'y'), (3, 'x'), (6, 'z'), (9, 'w');
-- end setup
SELECT id, score FROM p ORDER BY score;
SELECT id, score FROM p ORDER BY score DESC;
SELECT id, score FROM p ORDER BY score NULLS FIRST, id;
SELECT id, score FROM p ORDER BY score DESC NULLS LAST, id;
SELECT id, score FROM p ORDER BY score ASC, id;
SELECT id FROM p ORDER BY id LIMIT 2;
SELECT id FROM p ORDER BY id LIMIT 2 OFFSET 3;
SELECT id FROM p ORDER BY id OFFSET 4;
SELECT id FROM p ORDER BY id FETCH FIRST 3 ROWS ONLY;
SELECT id, name FROM p WHERE score > (SELECT avg(score) FROM p) ORDER BY id;
SELECT id FROM p WHERE id IN (SELECT pid FROM q) ORDER BY id;
SELECT id FROM p WHERE id NOT IN (SELECT pid FROM q) ORDER BY id;
SELECT id FROM p WHERE EXISTS (SELECT 1 FROM q WHERE q.pid = p.id) ORDER BY id;
SELECT id, (SELECT count(*) FROM q WHERE q.pid = p.id) FROM p ORDER BY id;
SELECT (SELECT max(id) FROM p);
SELECT EXISTS (SELECT 1 FROM q WHERE tag = 'w');
SELECT id FROM p WHERE score > ALL (SELECT score FROM p WHERE id < 3) ORDER BY id;
SELECT id FROM p WHERE score = ANY (SELECT score FROM p WHERE id > 4) ORDER BY id;
WITH top AS (SELECT id, score FROM p WHERE score IS NOT NULL) SELECT count(*) FROM top;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t;
WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM p WHERE parent IS NULL UNION ALL SELECT p.id, sub.depth + 1 FROM p JOIN sub ON p.parent = sub.id) SELECT id, depth FROM sub ORDER BY id;
WITH RECURSIVE path(id, trail) AS (SELECT id, name FROM p WHERE id = 1 UNION ALL SELECT p.id, path.trail || '/' || p.name FROM p JOIN path ON p.parent = path.id) SELECT trail FROM path ORDER BY trail;
WITH m AS MATERIALIZED (SELECT id FROM p) SELECT count(*) FROM m;
SELECT DISTINCT pid FROM q ORDER BY pid;
SELECT DISTINCT ON (pid) pid, tag FROM q ORDER BY pid, tag DESC;
SELECT DISTINCT ON (parent) parent, id FROM p ORDER BY parent, id;
SELECT p.id, x.tag FROM p, LATERAL (SELECT tag FROM q WHERE q.pid = p.id ORDER BY tag LIMIT 1) x ORDER BY p.id;
SELECT p.id, x.n FROM p LEFT JOIN LATERAL (SELECT count(*) AS n FROM q WHERE q.pid = p.id) x ON true ORDER BY p.id;
SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three')) AS t (num, letter) ORDER BY num;
VALUES (1, 'one'), (2, 'two');
SELECT * FROM (VALUES (1), (NULL)) v(x) ORDER BY x;
SELECT 1 UNION SELECT 1;
SELECT 1 UNION ALL SELECT 1;
SELECT pid FROM q INTERSECT SELECT id FROM p ORDER BY 1;
SELECT id FROM p EXCEPT SELECT pid FROM q ORDER BY 1;
SELECT pid FROM q INTERSECT ALL SELECT 1;
SELECT id, name FROM p UNION SELECT pid, tag FROM q ORDER BY 1, 2;
SELECT 1 AS a UNION SELECT 2 ORDER BY a DESC;
SELECT p.id, q.tag FROM p JOIN q ON q.pid = p.id ORDER BY p.id, q.tag;
SELECT p.id, q.tag FROM p LEFT JOIN q ON q.pid = p.id ORDER BY p.id, q.tag;
SELECT p.id, q.pid FROM p RIGHT JOIN q ON q.pid = p.id ORDER BY q.pid, q.tag;
SELECT p.id, q.pid FROM p FULL JOIN q ON q.pid = p.id ORDER BY p.id, q.pid;
SELECT count(*) FROM p CROSS JOIN q;
SELECT * FROM p JOIN q ON q.pid = p.id WHERE q.tag = 'z';
SELECT pid, tag FROM q NATURAL JOIN (SELECT 1 AS pid) s ORDER BY tag;
SELECT * FROM q JOIN (SELECT 1 AS pid) s USING (pid) ORDER BY tag;
-- differs: column types: PostgreSQL [INT32], Lakebench [INT64]
SELECT * FROM generate_series(2, 4);
-- differs: column types: PostgreSQL [INT32], Lakebench [INT64]
SELECT * FROM generate_series(5, 1, -2);
-- differs: column types: PostgreSQL [INT32], Lakebench [INT64]
SELECT generate_series(1, 3) AS n;
SELECT * FROM generate_series('2008-03-01 00:00'::timestamp, '2008-03-02 12:00', '10 hours');
-- differs: Lakebench fails (No function matches the given name and argument types 'generate_series(DECIMAL(2,1), DECIMAL(2,1), DECIMAL(2,1))'), PostgreSQL answers
SELECT * FROM generate_series(0.5, 2.0, 0.5);
-- differs: column types: PostgreSQL [INT32, INT32], Lakebench [INT64, INT64]
SELECT g, g * 2 FROM generate_series(1, 3) g ORDER BY g DESC;
SELECT count(*) FROM generate_series(1, 1000);
SELECT * FROM p WHERE id = 1;
SELECT p.* FROM p WHERE id = 2;
SELECT x FROM (SELECT id AS x FROM p) AS s WHERE x > 4 ORDER BY x;
SELECT name FROM p ORDER BY length(name) DESC, name LIMIT 2;
SELECT id FROM p ORDER BY parent NULLS FIRST, id;
SELECT parent, count(*) FROM p GROUP BY parent ORDER BY parent;
SELECT parent, count(*) FROM p GROUP BY parent ORDER BY parent DESC;
SELECT id FROM p WHERE parent IS NULL OR score IS NULL ORDER BY 1;
SELECT * FROM p ORDER BY id DESC LIMIT 1;
SELECT id, name FROM p ORDER BY 2;
SELECT t.id FROM p AS t WHERE t.id BETWEEN 2 AND 3 ORDER BY t.id;
SELECT 1 FROM p HAVING count(*) > 1;
SELECT * FROM q WHERE tag IN ('x', 'z') ORDER BY pid, tag;
SELECT id FROM p WHERE name ~ '^[a-c]$' ORDER BY id;
SELECT count(*) FROM p, q WHERE p.id = q.pid AND p.score > 4;
TABLE q ORDER BY pid, tag;
