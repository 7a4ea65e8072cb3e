-- character varying(n) and character(n): the length rule on writes, and the declared types in information_schema.
-- source: postgresql

-- setup
CREATE TABLE codes (id int, a varchar(3), b char(4), c numeric(5,2), d varchar, e text);
INSERT INTO codes VALUES (1, 'ab   ', 'x', 1.5, 'a long value', 'any text');

-- case: information_schema.columns names character types with their lengths
SELECT column_name, data_type, udt_name, character_maximum_length, character_octet_length, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'codes' AND column_name <> 'id' ORDER BY ordinal_position;
-- expect
column_name|data_type|udt_name|character_maximum_length|character_octet_length|numeric_precision|numeric_scale
a|character varying|varchar|3|12||
b|character|bpchar|4|16||
c|numeric|numeric|||5|2
d|character varying|varchar||1073741824||
e|text|text||1073741824||

-- case: a value longer than varchar(n) is refused
INSERT INTO codes (id, a) VALUES (2, 'abcd');
-- error: value too long for type character varying(3)

-- case: a value longer than char(n) is refused
INSERT INTO codes (id, b) VALUES (2, 'abcde');
-- error: value too long for type character(4)

-- case: UPDATE is checked too
UPDATE codes SET a = 'wxyz' WHERE id = 1;
-- error: value too long for type character varying(3)

-- case: INSERT ... SELECT is checked too
INSERT INTO codes (id, a) SELECT id + 1, d FROM codes;
-- error: value too long for type character varying(3)

-- case: nothing of a refused statement is stored
SELECT count(*), max(a) || '|' AS a FROM codes;
-- expect
count|a
1|ab |

-- case: an explicit cast cuts without an error
SELECT 'abcdef'::varchar(3) AS v, 'abcdef'::char(2) AS w;
-- expect
v|w
abc|ab

-- case: length and concatenation do not see the padding of char(n)
SELECT length(b), b || 'y' AS joined FROM codes;
-- expect
length|joined
1|xy

-- case: char(n) compares without trailing spaces
SELECT count(*) FROM codes WHERE b = 'x   ';
-- expect
count
1

-- case: a cast to char(n) compares without trailing spaces
SELECT 'a'::char(3) = 'a  ' AS eq;
-- expect
eq
t
