-- Result column names as PostgreSQL names them.
-- source: postgresql

-- setup
CREATE TABLE items (id int, name text, price float8, qty int);
INSERT INTO items VALUES (1, 'pen', 1.5, 10), (2, 'ink', 2.25, 3), (3, 'pad', 4.0, 7);

-- case: count(*) is named count
SELECT count(*) FROM items;
-- expect
count
3

-- case: aggregates take their function's name
SELECT sum(qty), avg(price), max(price), min(id) FROM items;
-- expect
sum|avg|max|min
20|2.5833333333333335|4|1

-- case: an expression is ?column?
SELECT id + 1 FROM items ORDER BY id LIMIT 1;
-- expect
?column?
2

-- case: a constant is ?column?
SELECT 1, 'x';
-- expect
?column?|?column?
1|x

-- case: a cast of a constant takes the type's name
SELECT '7'::int, 2.5::float8, 'a'::text, '1'::bigint;
-- expect
int4|float8|text|int8
7|2.5|a|1

-- case: a cast of a column keeps the column's name
SELECT price::int FROM items ORDER BY id LIMIT 1;
-- expect
price
2

-- case: qualified columns keep the column's name
SELECT items.name FROM items ORDER BY items.id LIMIT 1;
-- expect
name
pen

-- case: function calls take the function's name
SELECT upper(name), length(name), coalesce(NULL, 1) FROM items ORDER BY id LIMIT 1;
-- expect
upper|length|coalesce
PEN|3|1

-- case: CASE is named case
SELECT CASE WHEN qty > 5 THEN 'many' ELSE 'few' END FROM items ORDER BY id;
-- expect
case
many
few
many

-- case: count over a column and count distinct
SELECT count(name), count(DISTINCT qty) FROM items;
-- expect
count|count
3|3

-- case: aliases stay as written
SELECT count(*) AS n, sum(qty) total FROM items;
-- expect
n|total
3|20

-- case: a scalar subquery takes its column's name
SELECT (SELECT max(qty) FROM items);
-- expect
max
10

-- case: EXISTS is named exists
SELECT EXISTS (SELECT 1 FROM items WHERE id = 2);
-- expect
exists
t

-- case: a comparison is ?column?
SELECT qty > 5 FROM items ORDER BY id;
-- expect
?column?
t
f
t

-- case: names inside a derived table follow the same rules
SELECT * FROM (SELECT count(*) FROM items) s;
-- expect
count
3

-- case: grouped aggregates
SELECT qty > 5, count(*) FROM items GROUP BY 1 ORDER BY 1;
-- expect
?column?|count
f|1
t|2

-- case: UNION takes the first branch's names
SELECT count(*) FROM items UNION ALL SELECT 5;
-- expect
count
3
5

-- case: string_agg and array_agg
SELECT string_agg(name, ',' ORDER BY id), array_agg(id ORDER BY id) FROM items;
-- expect
string_agg|array_agg
pen,ink,pad|{1,2,3}

-- case: now-like functions are named after themselves
SELECT current_date IS NOT NULL, now() IS NOT NULL;
-- expect
?column?|?column?
t|t
