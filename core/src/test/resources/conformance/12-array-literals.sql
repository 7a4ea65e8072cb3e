-- Array literals ('{...}') whose type comes from the context: the column written, the other operand.
-- source: postgresql

-- setup
CREATE TABLE items (id int PRIMARY KEY, tags text[], xs int[]);

-- case: INSERT ... VALUES, several rows, NULL and quoted elements, the empty array
INSERT INTO items VALUES (1, '{a,b}', '{1,2}'), (2, '{"c d",NULL,"x,y","NULL"}', '{}');
SELECT id, tags, xs, cardinality(xs) FROM items ORDER BY id;
-- expect
id|tags|xs|cardinality
1|{a,b}|{1,2}|2
2|{"c d",NULL,"x,y","NULL"}|{}|0

-- case: INSERT with a column list, whitespace, escapes, braces and an apostrophe in elements
INSERT INTO items (xs, id, tags) VALUES (' { 3 , NULL, 4 } ', 3, '{ e f , "g\"h", i\,j, "k}l", it''s }');
SELECT tags, xs, tags[2], tags[3] FROM items WHERE id = 3;
-- expect
tags|xs|tags|tags
{"e f","g\"h","i,j","k}l",it's}|{3,NULL,4}|g"h|i,j

-- case: INSERT ... SELECT of literals
INSERT INTO items SELECT 4, '{h}', '{5,6}';
SELECT tags, xs FROM items WHERE id = 4;
-- expect
tags|xs
{h}|{5,6}

-- case: UPDATE ... SET
UPDATE items SET tags = '{k,l}', xs = '{7,8}' WHERE id = 1;
SELECT tags, xs FROM items WHERE id = 1;
-- expect
tags|xs
{k,l}|{7,8}

-- case: INSERT ... ON CONFLICT DO UPDATE SET
INSERT INTO items VALUES (4, '{z}', '{0}') ON CONFLICT (id) DO UPDATE SET tags = '{m,n}';
SELECT tags, xs FROM items WHERE id = 4;
-- expect
tags|xs
{m,n}|{5,6}

-- case: = and <> with an array column, the literal on either side
SELECT id FROM items WHERE tags = '{k,l}' OR '{h}' = tags OR xs = '{5,6}' ORDER BY id;
-- expect
id
1
4

-- case: <> with an array column
SELECT id FROM items WHERE xs <> '{7,8}' ORDER BY id;
-- expect
id
2
3
4

-- case: @>, <@ and && with an array column
SELECT id, xs @> '{8}' AS has, xs <@ '{5,6,7}' AS within, '{4,6}' && xs AS overlaps FROM items ORDER BY id;
-- expect
id|has|within|overlaps
1|t|f|f
2|f|t|f
3|f|f|t
4|f|t|t

-- case: || with an array column concatenates two arrays
SELECT tags || '{q}' AS a, '{0}' || xs AS b FROM items WHERE id = 4;
-- expect
a|b
{m,n,q}|{0,5,6}

-- case: the literal of = ANY and <> ALL is an array of the left operand's type
SELECT 'b' = ANY('{a,b}') AS a, 2 = ANY('{1,2}') AS b, 3 <> ALL('{1,2}') AS c, 'x' = ANY('{}') AS d, 1.5 = ANY('{1.5}') AS e;
-- expect
a|b|c|d|e
t|t|t|f|t

-- case: = ANY with a column on the left
SELECT id FROM items WHERE id = ANY('{1,3,9}') ORDER BY id;
-- expect
id
1
3

-- case: a multi-dimensional literal
SELECT '{{1,2},{3,4}}'::int[] AS m, ('{{1,2},{3,4}}'::int[])[2][1] AS e;
-- expect
m|e
{{1,2},{3,4}}|3

-- case: explicit casts read elements as PostgreSQL does
SELECT '{"a\"b", a\,b, "x}y", it''s, a[b, \NULL, " "}'::text[] AS t;
-- expect
t
{"a\"b","a,b","x}y",it's,a[b,"NULL"," "}

-- case: [local] a value that is no array literal fails as in PostgreSQL
INSERT INTO items VALUES (9, 'abc', '{}');
-- error: malformed array literal: "abc"

-- case: [local] an unfinished literal in a comparison
SELECT id FROM items WHERE xs = '{1,2';
-- error: malformed array literal: "{1,2"

-- case: [local] || with a text element is an array literal there too
SELECT tags || 'x' FROM items;
-- error: malformed array literal: "x"

-- case: [local] sub-arrays of different sizes
SELECT 1 = ANY('{{1,2},{3}}');
-- error: malformed array literal: "{{1,2},{3}}"
