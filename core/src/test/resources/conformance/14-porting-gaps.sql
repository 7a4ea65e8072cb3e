-- What a ported application hits next: pg_typeof's type names, array literals in more places, and the
-- character types' rules on every kind of write.
-- source: postgresql

-- setup
CREATE TABLE typed (id int, v varchar(3), c char(2), s text, n numeric(5,2), f real, d double precision, b bytea, j jsonb, ts timestamp, tz timestamptz, xs int[], tags text[], flag boolean, big bigint);
INSERT INTO typed VALUES (1, 'a', 'b', 'c', 1.5, 1, 2, '\x01', '{}', '2020-01-01', '2020-01-01', '{1}', '{a}', true, 1);
CREATE TABLE arrs (id int PRIMARY KEY, tags text[], xs int[], emb float4[]);
INSERT INTO arrs VALUES (1, '{a,b}', '{1,2}', '{1,2,3.5}'), (2, NULL, NULL, NULL);
CREATE TABLE codes (id int PRIMARY KEY, a varchar(3), b char(4));
INSERT INTO codes VALUES (1, 'ab', 'x');
CREATE SEQUENCE seq;

-- case: pg_typeof names the types of columns as PostgreSQL does
SELECT pg_typeof(id) AS id, pg_typeof(v) AS v, pg_typeof(c) AS c, pg_typeof(s) AS s, pg_typeof(n) AS n, pg_typeof(f) AS f, pg_typeof(d) AS d, pg_typeof(b) AS b FROM typed;
-- expect
id|v|c|s|n|f|d|b
integer|character varying|character|text|numeric|real|double precision|bytea

-- case: pg_typeof of jsonb, timestamps, arrays, booleans, bigint and an expression
SELECT pg_typeof(j) AS j, pg_typeof(ts) AS ts, pg_typeof(tz) AS tz, pg_typeof(xs) AS xs, pg_typeof(tags) AS tags, pg_typeof(flag) AS flag, pg_typeof(big) AS big, pg_typeof(v || 'x') AS joined FROM typed;
-- expect
j|ts|tz|xs|tags|flag|big|joined
jsonb|timestamp without time zone|timestamp with time zone|integer[]|text[]|boolean|bigint|text

-- case: pg_typeof of constants: an untyped string and NULL are unknown, arrays have no dimensions
SELECT pg_typeof(1) AS a, pg_typeof(1.5) AS b, pg_typeof('x') AS c, pg_typeof(NULL) AS d, pg_typeof(ARRAY[[1, 2]]) AS e, pg_typeof('x'::varchar(2)) AS f, pg_typeof(date '2020-01-01') AS g, pg_typeof(interval '1 day') AS h;
-- expect
a|b|c|d|e|f|g|h
integer|numeric|unknown|unknown|integer[]|character varying|date|interval

-- case: pg_typeof of function results, compared as text
SELECT pg_typeof(count(*)) AS a, pg_typeof(length('x')) AS b, pg_typeof(now()) AS c, pg_typeof(1)::text = 'integer' AS eq;
-- expect
a|b|c|eq
bigint|integer|timestamp with time zone|t

-- case: a float4[] (vector) column compared with an array literal
SELECT id, emb = '{1,2,3.5}' AS eq, '{1,2,3}' <> emb AS ne FROM arrs ORDER BY id;
-- expect
id|eq|ne
1|t|t
2||

-- case: = ANY / <> ALL of a literal after an expression: the elements take its type
SELECT id, id + 1 = ANY('{2,3}') AS plus, upper(tags[1]) <> ALL('{A,NULL}') AS upper, 2 = ANY('{}') AS empty FROM arrs ORDER BY id;
-- expect
id|plus|upper|empty
1|t|f|f
2|t||f

-- case: = ANY of a literal after a parameter
SELECT $1 = ANY('{1,2}') AS any;
-- params: 2
-- expect
any
t

-- case: a parameter holding array text written to an array column
INSERT INTO arrs (id, tags) VALUES (3, $1) RETURNING tags;
-- params: '{x,"y z"}'
-- expect
tags
{x,"y z"}

-- case: dimension decorations starting at 1 are accepted
UPDATE arrs SET xs = '[1:3]={7,8,9}' WHERE id = 3 RETURNING xs;
-- expect
xs
{7,8,9}

-- case: concatenation with NULL keeps the array, an append to NULL starts one
SELECT id, NULL || xs AS a, xs || NULL AS b, tags || '{c}' AS c, xs || 3 AS d FROM arrs ORDER BY id;
-- expect
id|a|b|c|d
1|{1,2}|{1,2}|{a,b,c}|{1,2,3}
2|||{c}|{3}
3|{7,8,9}|{7,8,9}|{x,"y z",c}|{7,8,9,3}

-- case: UPDATE .. SET tags = tags || '{..}' fills a NULL array
UPDATE arrs SET tags = tags || '{new}';
SELECT id, tags FROM arrs ORDER BY id;
-- expect
id|tags
1|{a,b,new}
2|{new}
3|{x,"y z",new}

-- case: casts of decorated literals
SELECT '[1:2]={1,2}'::int[] AS a, '[2]={x,y}'::text[] AS b;
-- expect
a|b
{1,2}|{x,y}

-- case: a lower bound other than 1 is refused (the engine's arrays start at 1; PostgreSQL keeps it)
SELECT '[0:1]={1,2}'::int[] AS a;
-- error: An array lower bound other than 1 ("[0:1]={1,2}") is not supported by the local engine

-- case: UPDATE .. SET (a, b) = (..) checks each value's length
UPDATE codes SET (a, b) = ('abcd', 'y') WHERE id = 1;
-- error: value too long for type character varying(3)

-- case: UPDATE .. SET (a, b) = ROW(..) checks each value's length
UPDATE codes SET (b, a) = ROW('wxyz1', 'q') WHERE id = 1;
-- error: value too long for type character(4)

-- case: UPDATE .. SET (a, b) = (..) cuts spaces beyond the length
UPDATE codes SET (a, b) = ('xy   ', 'z  ') WHERE id = 1;
SELECT a || '|' AS a, b || '|' AS b FROM codes;
-- expect
a|b
xy ||z|

-- case: a volatile value written to a checked column is computed once
INSERT INTO codes VALUES (2, nextval('seq')::text, nextval('seq')::text);
UPDATE codes SET a = nextval('seq')::text WHERE id = 2;
SELECT id, a, b || '|' AS b, nextval('seq') AS next FROM codes WHERE id = 2;
-- expect
id|a|b|next
2|3|2||4

-- case: IN and NOT IN lists compare with char(n) without trailing spaces
SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM codes WHERE b IN ('z   ', 'q ')) AS "in", (SELECT string_agg(id::text, ',' ORDER BY id) FROM codes WHERE b NOT IN ('z  ')) AS not_in;
-- expect
in|not_in
1|2

-- case: CREATE TABLE .. AS keeps the type of a cast to varchar(n) / char(n)
CREATE TABLE casted AS SELECT a::varchar(2) AS short, b::char(2) AS c, CAST(a AS character varying(10)), a::varchar AS v FROM codes;
SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'casted' ORDER BY ordinal_position;
-- expect
column_name|data_type|character_maximum_length
short|character varying|2
c|character|2
a|character varying|10
v|character varying|

-- case: the copied length is checked on later writes
INSERT INTO casted (short) VALUES ('abc');
-- error: value too long for type character varying(2)
