-- Numeric precision, bytea, dates and intervals, string functions, COPY and constraints.
-- source: postgresql

-- setup
CREATE TABLE prices (id int, amount numeric, fixed numeric(12, 4));
INSERT INTO prices VALUES (1, 123.456789, 1.5), (2, 0.1, 2.25), (3, 0.2, 3.125);
CREATE TABLE blobs (id int, b bytea);
INSERT INTO blobs VALUES (1, '\x48656c6c6f'::bytea), (2, decode('SGk=', 'base64'));

-- case: NUMERIC keeps arbitrary precision
SELECT amount FROM prices WHERE id = 1;
-- expect
amount
123.456789

-- case: NUMERIC(p, s) keeps its scale
SELECT fixed FROM prices ORDER BY id;
-- expect
fixed
1.5000
2.2500
3.1250

-- case: SUM of NUMERIC is exact
SELECT sum(amount) FROM prices WHERE id > 1;
-- expect
sum
0.3

-- case: a numeric literal keeps its digits
SELECT 123.456789::numeric;
-- expect
numeric
123.456789

-- case: bytea length and octet_length
SELECT length(b), octet_length(b) FROM blobs ORDER BY id;
-- expect
length|octet_length
5|5
2|2

-- case: NUMERIC arithmetic stays exact
SELECT sum(amount) * 2 FROM prices;
-- expect
?column?
247.513578

-- case: NUMERIC keeps the scale it was written with
SELECT 1.50::numeric;
-- expect
numeric
1.50

-- case: a NUMERIC constant's scale carries into arithmetic
SELECT '2.50'::numeric * 3, 1.5::numeric * 2.25::numeric, 100::numeric;
-- expect
?column?|?column?|numeric
7.50|3.375|100

-- case: ALTER TABLE ADD COLUMN numeric keeps its digits
ALTER TABLE prices ADD COLUMN rate numeric;
UPDATE prices SET rate = 0.0001234 WHERE id = 1;
SELECT rate FROM prices WHERE id = 1;
-- expect
rate
0.0001234

-- case: position of bytes that are not there is 0
SELECT position('\x00'::bytea IN b) FROM blobs ORDER BY id;
-- expect
position
0
0

-- case: bytea position counts bytes from 1, at byte boundaries only
SELECT position('\x4869'::bytea IN '\x14869486'::bytea), position('\x86'::bytea IN '\x0148694886'::bytea);
-- expect
position|position
0|5

-- case: length of a decoded value counts bytes
SELECT length(decode('SGVsbG8gV29ybGQ=', 'base64'));
-- expect
length
11

-- case: length and position of text still count characters
SELECT length('naïve'), position('v' IN 'naïve');
-- expect
length|position
5|4

-- case: bytea literals print as hex
SELECT b FROM blobs ORDER BY id;
-- expect
b
\x48656c6c6f
\x4869

-- case: convert_from decodes UTF-8
SELECT convert_from(b, 'UTF8') FROM blobs ORDER BY id;
-- expect
convert_from
Hello
Hi

-- case: encode to hex and base64
SELECT encode(b, 'hex'), encode(b, 'base64') FROM blobs WHERE id = 1;
-- expect
encode|encode
48656c6c6f|SGVsbG8=

-- case: decode from hex
SELECT decode('414243', 'hex');
-- expect
decode
\x414243

-- case: position in bytea
SELECT position('\x6c'::bytea IN b) FROM blobs WHERE id = 1;
-- expect
position
3

-- case: date plus an interval built from text
SELECT '2000-01-01'::date + (i || ' days')::interval FROM generate_series(1, 2) AS i;
-- expect
?column?
2000-01-02 00:00:00
2000-01-03 00:00:00

-- case: extract from a date
SELECT extract(year FROM '2024-03-05'::date), extract(month FROM '2024-03-05'::date);
-- expect
extract|extract
2024|3

-- case: to_char of a timestamp
SELECT to_char('2024-03-05 14:07:09'::timestamp, 'YYYY-MM-DD HH24:MI:SS');
-- expect
to_char
2024-03-05 14:07:09

-- case: to_char with PostgreSQL's template patterns: quarters, padded names, numbers
SELECT to_char('2024-03-05'::date, 'YYYY "Q"Q Day.'), to_char(-125.8, '999D99S');
-- expect
to_char|to_char
2024 Q1 Tuesday  .|125.80-

-- case: now() is a timestamp of today
SELECT now()::date = current_date;
-- expect
?column?
t

-- case: chr, repeat and lpad
SELECT chr(65), repeat('ab', 3), lpad('7', 3, '0');
-- expect
chr|repeat|lpad
A|ababab|007

-- case: string_agg with a separator
SELECT string_agg(id::text, '+' ORDER BY id) FROM prices;
-- expect
string_agg
1+2+3

-- case: NOT NULL is enforced
CREATE TABLE strict_t (id int PRIMARY KEY, name text NOT NULL UNIQUE, qty int CHECK (qty > 0));
INSERT INTO strict_t VALUES (1, 'a', 1);
SELECT count(*) FROM strict_t;
-- expect
count
1

-- case[local]: NOT NULL violation is refused
INSERT INTO strict_t VALUES (2, NULL, 1);
-- error: null value in column "name"

-- case[local]: PRIMARY KEY violation is refused
INSERT INTO strict_t VALUES (1, 'b', 1);
-- error: duplicate key value

-- case[local]: UNIQUE violation is refused
INSERT INTO strict_t VALUES (3, 'a', 1);
-- error: duplicate key value

-- case[local]: CHECK violation is refused
INSERT INTO strict_t VALUES (4, 'd', 0);
-- error: violates check constraint

-- case[local]: REFERENCES is kept as a foreign key
CREATE TABLE child_t (id int, parent int REFERENCES strict_t (id));
INSERT INTO child_t VALUES (1, 1);
SELECT count(*) FROM child_t;
-- expect
count
1

-- case[local]: a foreign key violation is refused
INSERT INTO child_t VALUES (2, 99);
-- error: foreign key

-- case: integer division truncates, as in PostgreSQL
SELECT 7 / 2, -7 / 2, 7 % 3;
-- expect
?column?|?column?|?column?
3|-3|1

-- case: NULL sorts as the largest value: last ascending, first descending
SELECT id, x FROM (VALUES (1, 1), (2, NULL), (3, 2)) v(id, x) ORDER BY x DESC;
-- expect
id|x
2|
3|2
1|1

-- case: LIKE escapes with a backslash unless ESCAPE says otherwise
SELECT '100%' LIKE '100\%', '1000' LIKE '100\%', 'a_c' ILIKE 'A\_C';
-- expect
?column?|?column?|?column?
t|f|t

-- case: SIMILAR TO reads SQL regular expressions
SELECT 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(b|c)%', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c';
-- expect
?column?|?column?|?column?|?column?
t|f|t|f

-- case: generate_series in the select list returns rows
SELECT generate_series(1, 3) AS n;
-- expect
n
1
2
3

-- case: a bare VALUES list names its columns column1, column2
VALUES (1, 'one'), (2, 'two');
-- expect
column1|column2
1|one
2|two
