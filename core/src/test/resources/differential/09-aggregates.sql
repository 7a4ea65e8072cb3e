-- Aggregate functions, FILTER, ordered-set aggregates, GROUPING SETS (PostgreSQL documentation, 9.21, 7.2.4).
-- setup
CREATE TABLE sales (id int, region text, product text, qty int, price numeric(8, 2), score double precision);
INSERT INTO sales VALUES (1, 'east', 'a', 10, 2.50, 0.5), (2, 'east', 'b', 5, 10.00, 1.5), (3, 'west', 'a', 7, 2.50, 2.5), (4, 'west', 'b', NULL, 9.99, NULL), (5, 'north', 'a', 3, 1.25, 4.0), (6, 'east', 'a', 8, 2.75, 3.0);
-- end setup
SELECT count(*) FROM sales;
SELECT count(qty), count(DISTINCT region) FROM sales;
SELECT sum(qty) FROM sales;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT avg(qty) FROM sales;
SELECT min(qty), max(qty) FROM sales;
SELECT sum(price) FROM sales;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT avg(price) FROM sales;
SELECT sum(score), avg(score) FROM sales;
SELECT region, count(*) FROM sales GROUP BY region ORDER BY region;
SELECT region, sum(qty) AS total FROM sales GROUP BY region ORDER BY total DESC;
SELECT region, sum(qty) FROM sales GROUP BY region HAVING sum(qty) > 10 ORDER BY region;
-- differs: column types: PostgreSQL [TEXT, OTHER], Lakebench [TEXT, FLOAT64]
SELECT region, avg(qty) FROM sales GROUP BY region ORDER BY region;
SELECT count(*) FILTER (WHERE qty > 5) FROM sales;
SELECT region, sum(qty) FILTER (WHERE product = 'a') AS a_qty FROM sales GROUP BY region ORDER BY region;
SELECT string_agg(product, ',' ORDER BY id) FROM sales;
SELECT region, string_agg(DISTINCT product, '|' ORDER BY product) FROM sales GROUP BY region ORDER BY region;
SELECT array_agg(qty ORDER BY id) FROM sales;
SELECT array_agg(DISTINCT region ORDER BY region) FROM sales;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty) FROM sales;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY qty) FROM sales;
-- differs: column types: PostgreSQL [EMBEDDING], Lakebench [OTHER]
SELECT percentile_cont(ARRAY[0.25, 0.75]) WITHIN GROUP (ORDER BY score) FROM sales;
SELECT mode() WITHIN GROUP (ORDER BY product) FROM sales;
SELECT bool_and(qty > 2), bool_or(qty > 9), every(qty > 0) FROM sales;
SELECT bit_and(qty), bit_or(qty) FROM sales;
SELECT stddev(score), variance(score) FROM sales;
-- differs: column types: PostgreSQL [OTHER, OTHER], Lakebench [FLOAT64, FLOAT64]
SELECT stddev_pop(qty), var_samp(qty) FROM sales;
-- differs: values: PostgreSQL [-0.678082191780822, -1.98], Lakebench [-0.6780821917808219, -1.98]
SELECT corr(qty, score), covar_pop(qty, score) FROM sales;
SELECT regr_slope(score, qty) FROM sales;
SELECT count(*) FROM sales WHERE false;
-- differs: column types: PostgreSQL [INT64, OTHER, TEXT], Lakebench [INT64, FLOAT64, TEXT]
SELECT sum(qty), avg(qty), max(region) FROM sales WHERE false;
SELECT region, product, sum(qty) FROM sales GROUP BY GROUPING SETS ((region), (product), ()) ORDER BY region, product;
SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP (region, product) ORDER BY region, product;
SELECT region, product, count(*) FROM sales GROUP BY CUBE (region, product) ORDER BY region, product;
SELECT region, GROUPING(region), sum(qty) FROM sales GROUP BY ROLLUP (region) ORDER BY region;
SELECT region, count(*) FROM sales GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT product, sum(qty * price) FROM sales GROUP BY product ORDER BY product;
SELECT count(*) AS n, sum(qty)::float8 / count(*) AS ratio FROM sales;
SELECT sum(x) FROM generate_series(1, 100) AS x;
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT64]
SELECT sum(x::bigint * 100000000000) FROM generate_series(1, 3) AS x;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT avg(x) FROM generate_series(1, 4) AS x;
SELECT avg(x::float8) FROM generate_series(1, 4) AS x;
SELECT count(*) FROM (SELECT DISTINCT region FROM sales) s;
SELECT max(product) FILTER (WHERE qty IS NULL) FROM sales;
SELECT json_agg(region ORDER BY id) FROM sales WHERE qty > 7;
