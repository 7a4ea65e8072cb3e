-- Pattern matching: LIKE, ILIKE, SIMILAR TO, POSIX regular expressions (PostgreSQL documentation, 9.7).
-- setup
CREATE TABLE names (id int, name text);
INSERT INTO names VALUES (1, 'alice'), (2, 'Bob'), (3, 'carol_x'), (4, 'DAVE'), (5, NULL), (6, '100%');
-- end setup
SELECT 'abc' LIKE 'abc', 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'abc' LIKE 'c';
SELECT 'abc' NOT LIKE 'a%';
SELECT 'ABC' ILIKE 'a%', 'ABC' NOT ILIKE 'a%';
SELECT 'abc' ~~ 'a%', 'abc' ~~* 'A%', 'abc' !~~ 'a%';
SELECT '100%' LIKE '100\%';
SELECT 'a_c' LIKE 'a$_c' ESCAPE '$';
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(b|c)%';
SELECT 'thomas' ~ 't.*ma', 'thomas' ~* 'T.*ma', 'thomas' !~ 't.*max', 'thomas' !~* 'T.*ma';
SELECT regexp_match('foobarbequebaz', 'bar.*que');
SELECT regexp_match('foobarbequebaz', '(bar)(beque)');
SELECT regexp_matches('foobarbequebaz', 'ba.', 'g');
SELECT regexp_replace('Thomas', '.[mN]a.', 'M');
SELECT regexp_replace('foobarbaz', 'b..', 'X', 'g');
SELECT regexp_replace('abc', 'B', 'x', 'i');
SELECT regexp_split_to_array('hello world', '\s+');
SELECT regexp_split_to_table('hello world', '\s+');
SELECT substring('foobar' from 'o.b');
SELECT substring('foobar' from 'o(.)b');
SELECT id FROM names WHERE name LIKE '%o%' ORDER BY id;
SELECT id FROM names WHERE name ILIKE '%o%' ORDER BY id;
SELECT id FROM names WHERE name NOT LIKE 'a%' ORDER BY id;
SELECT id FROM names WHERE name LIKE '%\_%' ORDER BY id;
SELECT id FROM names WHERE name ~ '^[a-c]' ORDER BY id;
SELECT id FROM names WHERE name ~* '^[a-c]' ORDER BY id;
SELECT id FROM names WHERE name SIMILAR TO '[A-Z]+' ORDER BY id;
SELECT id, name LIKE 'a%' FROM names ORDER BY id;
SELECT count(*) FROM names WHERE name LIKE '100%%';
SELECT 'abc' LIKE NULL;
SELECT 'AbC' ILIKE 'abc' AND 'x' LIKE 'X';
-- regexp_match, regexp_matches with 'g' and substring FROM a pattern, beyond the documentation's examples.
SELECT regexp_match('abc', 'x'), regexp_match('ABC', 'b', 'i');
SELECT regexp_matches('foobarbequebaz', 'b(a)(.)', 'g');
SELECT substring('foobar' from 'x'), substring('foo123bar' from '[0-9]+');
