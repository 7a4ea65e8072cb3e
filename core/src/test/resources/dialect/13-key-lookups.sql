-- An equality on a text column with an exact_text index (books.title, books.author in this workspace), in a
-- SELECT without a search: the table becomes its rows restricted to the keys the index finds; the WHERE stays.

-- case: col = 'x' alone
SELECT id FROM books WHERE title = 'Dune' LIMIT 10
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE title = 'Dune' LIMIT 10
-- slot: key lookup books [title in [Dune]]
-- note: key lookup: title = 'Dune' on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: inside AND with a condition no index serves
SELECT id, year FROM books WHERE title = 'Dune' AND year > 2000
-- engine:
SELECT id, year FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE title = 'Dune' AND year > 2000
-- slot: key lookup books [title in [Dune]]
-- note: key lookup: title = 'Dune' on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: the literal on the left, and a parameter
SELECT * FROM books b WHERE 'Dune' = b.title AND author = $1
-- engine:
SELECT * FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) b WHERE 'Dune' = b.title AND author = $2
-- slot: key lookup books [title in [Dune], author in [$1]]
-- note: key lookup: 'Dune' = b.title AND author = $1 on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: IN with literals
SELECT count(*) FROM books WHERE title IN ('Dune', 'Emma') AND year > 1900
-- engine:
SELECT count(*) AS "count" FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE title IN ('Dune', 'Emma') AND year > 1900
-- slot: key lookup books [title in [Dune, Emma]]
-- note: key lookup: title IN ('Dune', 'Emma') on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: a value with a quote
SELECT id FROM books WHERE title = 'Ender''s Game'
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE title = 'Ender''s Game'
-- slot: key lookup books [title in [Ender's Game]]
-- note: key lookup: title = 'Ender''s Game' on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: OR is not a conjunction: no lookup
SELECT id FROM books WHERE title = 'Dune' OR year > 2000
-- engine:
SELECT id FROM books WHERE title = 'Dune' OR year > 2000

-- case: an expression value is the engine's
SELECT id FROM books WHERE title = upper('dune')
-- engine:
SELECT id FROM books WHERE title = upper('dune')

-- case: NOT IN and IN (SELECT ..) are the engine's
SELECT id FROM books WHERE title NOT IN ('Dune') AND title IN (SELECT title FROM books WHERE year > 2000)
-- engine:
SELECT id FROM books WHERE title NOT IN ('Dune') AND title IN (SELECT title FROM books WHERE year > 2000)

-- case: a column without an exact_text index is the engine's
SELECT id FROM docs WHERE title = 'Dune'
-- engine:
SELECT id FROM docs WHERE title = 'Dune'

-- case: a join is the engine's
SELECT b.id FROM books b JOIN docs d ON d.id = b.id WHERE b.title = 'Dune'
-- engine:
SELECT b.id FROM books b JOIN docs d ON d.id = b.id WHERE b.title = 'Dune'

-- case: a subquery block gets its own lookup
SELECT * FROM (SELECT id FROM books WHERE title = 'Dune') s
-- engine:
SELECT * FROM (SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE title = 'Dune') s
-- slot: key lookup books [title in [Dune]]
-- note: key lookup: title = 'Dune' on table "books" by its exact_text index when it is ready; the WHERE is still applied

-- case: a search's WHERE goes with the search, not through a lookup
SELECT id FROM books WHERE title = 'Dune' ORDER BY emb <#> $1 DESC LIMIT 3
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb", "_lb_h"."score" AS "_lb_score" FROM lb_data."books" AS "_lb_d" JOIN lb_hits($1) AS "_lb_h" ON "_lb_d"."_lb_key" = "_lb_h"."key") AS "books" WHERE title = 'Dune' ORDER BY "_lb_score" DESC LIMIT 3
-- slot: hits VECTOR books.emb = $1 as books limit 3.0 offset null filter title = 'Dune' predicates [title = Dune]
-- note: top-k search: emb <#> $1 on table "books", WHERE applied as a filter before ranking

-- case: EXPLAIN plans the lookup
EXPLAIN SELECT id FROM books WHERE author = 'Austen'
-- explain:
-- engine:
SELECT id FROM (SELECT "_lb_d"."id", "_lb_d"."title", "_lb_d"."author", "_lb_d"."year", "_lb_d"."emb" FROM lb_data."books" AS "_lb_d" WHERE $1) AS "books" WHERE author = 'Austen'
-- slot: key lookup books [author in [Austen]]
-- note: key lookup: author = 'Austen' on table "books" by its exact_text index when it is ready; the WHERE is still applied
