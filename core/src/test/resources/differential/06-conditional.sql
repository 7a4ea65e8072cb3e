-- Conditional expressions, comparisons, NULL handling (PostgreSQL documentation, 9.2, 9.18).
-- setup
CREATE TABLE t (id int, a int, b text, f boolean);
INSERT INTO t VALUES (1, 10, 'x', true), (2, NULL, 'y', false), (3, 30, NULL, NULL), (4, 20, 'x', true);
-- end setup
SELECT CASE WHEN 1 = 1 THEN 'one' ELSE 'other' END;
SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END;
SELECT CASE WHEN false THEN 1 END;
SELECT id, CASE WHEN a > 15 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END FROM t ORDER BY id;
SELECT id, CASE b WHEN 'x' THEN 1 ELSE 0 END AS is_x FROM t ORDER BY id;
SELECT COALESCE(NULL, 2, 3);
SELECT COALESCE(NULL, NULL);
SELECT id, COALESCE(a, 0), COALESCE(b, 'none') FROM t ORDER BY id;
SELECT NULLIF(1, 1), NULLIF(1, 2);
SELECT NULLIF('a', 'b');
SELECT GREATEST(1, 3, 2), LEAST(1, 3, 2);
SELECT GREATEST(1, NULL, 2), LEAST(NULL, 5);
SELECT GREATEST('apple', 'pear');
SELECT GREATEST(1, 2.5);
SELECT id, GREATEST(a, 15) FROM t ORDER BY id;
SELECT 1 BETWEEN 0 AND 2, 1 NOT BETWEEN 0 AND 2;
SELECT 2 BETWEEN SYMMETRIC 3 AND 1;
SELECT 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL;
SELECT NULL = NULL, NULL IS NULL, 1 IS NOT NULL;
SELECT true AND NULL, false AND NULL, true OR NULL, NOT NULL::boolean;
SELECT id, f IS TRUE, f IS NOT FALSE, f IS UNKNOWN FROM t ORDER BY id;
SELECT num_nonnulls(1, NULL, 2), num_nulls(1, NULL, 2);
SELECT 1 IN (1, 2), 3 NOT IN (1, 2), 3 IN (1, NULL), 3 NOT IN (1, NULL);
SELECT id FROM t WHERE a IN (10, 30) ORDER BY id;
SELECT id FROM t WHERE b IS NULL;
SELECT id FROM t WHERE f ORDER BY id;
SELECT id FROM t WHERE NOT f ORDER BY id;
-- differs: Lakebench fails (Invalid result set), PostgreSQL answers
SELECT true, false, 't'::boolean, 'yes'::boolean, 'off'::boolean;
SELECT f FROM t ORDER BY id;
SELECT id, a > 15 AS big FROM t ORDER BY id;
SELECT 'x' = ANY (ARRAY['x', 'y']), 5 > ALL (ARRAY[1, 2]);
SELECT CASE WHEN a IS NULL THEN NULL ELSE a * 2 END FROM t ORDER BY id;
SELECT 5 NOT BETWEEN SYMMETRIC 3 AND 1, 2 BETWEEN SYMMETRIC 1 AND 3;
SELECT num_nulls(NULL, NULL), num_nonnulls('a');
