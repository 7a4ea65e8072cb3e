-- Window functions (PostgreSQL documentation, 3.5, 9.22).
-- setup
CREATE TABLE emp (id int, dept text, salary int);
INSERT INTO emp VALUES (1, 'dev', 5200), (2, 'dev', 4200), (3, 'dev', 4500), (4, 'dev', 6000), (5, 'ops', 3500), (6, 'ops', 3900), (7, 'sales', 4800), (8, 'sales', 5000), (9, 'dev', 5200);
-- end setup
-- differs: column types: PostgreSQL [INT32, TEXT, INT32, OTHER], Lakebench [INT32, TEXT, INT32, FLOAT64]
SELECT id, dept, salary, avg(salary) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, salary, rank() OVER (ORDER BY salary DESC) FROM emp ORDER BY id;
SELECT id, dense_rank() OVER (ORDER BY salary DESC) FROM emp ORDER BY id;
SELECT id, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER () FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY salary) FROM emp ORDER BY id;
SELECT id, count(*) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, lag(salary) OVER (ORDER BY id), lead(salary, 2, 0) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, first_value(salary) OVER w, last_value(salary) OVER w FROM emp WINDOW w AS (PARTITION BY dept ORDER BY id) ORDER BY id;
SELECT id, nth_value(salary, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM emp ORDER BY id;
SELECT id, ntile(3) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary) FROM emp ORDER BY id;
-- differs: column types: PostgreSQL [INT32, OTHER], Lakebench [INT32, FLOAT64]
SELECT id, avg(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY salary RANGE BETWEEN 500 PRECEDING AND CURRENT ROW) FROM emp ORDER BY id;
SELECT dept, id, salary FROM (SELECT dept, id, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS pos FROM emp) ss WHERE pos < 3 ORDER BY dept, salary DESC, id;
SELECT id, salary - lag(salary) OVER (ORDER BY id) AS diff FROM emp ORDER BY id;
SELECT id, max(salary) OVER (PARTITION BY dept ORDER BY id) FROM emp ORDER BY id;
SELECT id, count(*) FILTER (WHERE salary > 4500) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM emp GROUP BY dept ORDER BY dept;
-- differs: column types: PostgreSQL [INT32, OTHER], Lakebench [INT32, FLOAT64]
SELECT id, round(100.0 * salary / sum(salary) OVER (PARTITION BY dept), 1) FROM emp ORDER BY id;
SELECT id, array_agg(id) OVER (ORDER BY id ROWS 2 PRECEDING) FROM emp ORDER BY id;
SELECT id, ntile(2) OVER (ORDER BY id DESC) FROM emp ORDER BY id;
