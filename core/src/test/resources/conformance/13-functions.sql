-- PostgreSQL functions and forms the engine lacks: degree trigonometry, scale, bytes of a bytea, array_dims,
-- Unicode escape strings, at as a name, OVERLAPS, interval division, unnest of several arrays, json_object,
-- generate_series over numerics, setseed and SQL/JSON paths.
-- source: postgresql

-- setup
CREATE TABLE spans (id int, s date, e date, note text);
INSERT INTO spans VALUES (1, '2001-02-16', '2001-12-21', 'a'), (2, '2001-10-30', '2002-10-30', 'b'), (3, '2003-01-01', NULL, 'c');

-- case: the degree functions are exact at the special angles
SELECT sind(30), cosd(60), tand(45), cotd(45), asind(0.5), acosd(0.5), atand(1), atan2d(1, 1);
-- expect
sind|cosd|tand|cotd|asind|acosd|atand|atan2d
0.5|0.5|1|1|30|60|45|45

-- case: sine and tangent through the quadrants, infinite where the tangent is
SELECT sind(-30), sind(150), sind(210), cosd(120), tand(135), tand(90), cotd(0), tand(180);
-- expect
sind|sind|sind|cosd|tand|tand|cotd|tand
-0.5|0.5|-0.5|-0.5|-1|Infinity|Infinity|0

-- case: other angles as PostgreSQL computes them
SELECT sind(17.3), cosd(1000), asind(0.3);
-- expect
sind|cosd|asind
0.29737487407778607|0.17364817766693036|17.45760312372209

-- case: an infinite angle is out of range
SELECT sind('Infinity'::float8);
-- error: input is out of range

-- case: scale and min_scale of a numeric
SELECT scale(8.4100), min_scale(8.4100), scale(42);
-- expect
scale|min_scale|scale
4|2|0

-- case: get_byte and set_byte count from 0
SELECT get_byte('\x1234'::bytea, 1), set_byte('\x1234'::bytea, 0, 255);
-- expect
get_byte|set_byte
52|\xff34

-- case: get_byte past the end
SELECT get_byte('\x1234'::bytea, 2);
-- error: index 2 out of valid range, 0..1

-- case: array_dims of one and two dimensions
SELECT array_dims(ARRAY[[1, 2, 3], [4, 5, 6]]), array_dims(ARRAY['a']);
-- expect
array_dims|array_dims
[1:2][1:3]|[1:1]

-- case: Unicode escape strings, with the default and another escape character
SELECT U&'d\0061t\+000061', U&'d!0061t!+000061' UESCAPE '!';
-- expect
?column?|?column?
data|data

-- case: at names a column and a table
SELECT at.x, at.at FROM (SELECT 1 AS x, 2 AS at) at;
-- expect
x|at
1|2

-- case: OVERLAPS of two periods, and of a start with a length
SELECT (date '2001-02-16', date '2001-12-21') OVERLAPS (date '2001-10-30', date '2002-10-30'), (date '2001-02-16', interval '100 days') OVERLAPS (date '2001-10-30', date '2002-10-30');
-- expect
overlaps|overlaps
t|f

-- case: OVERLAPS over columns: an open end is unknown unless the other period starts inside
SELECT a.id, b.id, (a.s, a.e) OVERLAPS (b.s, b.e) FROM spans a, spans b WHERE a.id < b.id ORDER BY 1, 2;
-- expect
id|id|overlaps
1|2|t
1|3|
2|3|

-- case: an interval divided or multiplied by a number carries fractions down
SELECT interval '1 hour' / 1.5, interval '1 month' / 7, interval '1 month 3 days' * 1.5;
-- expect
?column?|?column?|?column?
00:40:00|4 days 06:51:25.6896|1 mon 19 days 12:00:00

-- case: unnest of two arrays pads the shorter with NULL
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['foo', 'bar', 'baz']) AS x(a, b) ORDER BY b;
-- expect
a|b
2|bar
|baz
1|foo

-- case: json_object of keys and values, of pairs, of two arrays; json_build_object keys of any type
SELECT json_object('{a, 1, b, "def"}'), jsonb_object('{{a, 1}, {b, "def"}}'), json_object('{a, b}', '{1, NULL}'), json_build_object(2, 'x', true, 1);
-- expect
json_object|jsonb_object|json_object|json_build_object
{"a" : "1", "b" : "def"}|{"a": "1", "b": "def"}|{"a" : "1", "b" : null}|{"2" : "x", "true" : 1}

-- case: json_object of an odd number of elements
SELECT json_object('{a, 1, b}');
-- error: array must have even number of elements

-- case: generate_series over numerics
SELECT * FROM generate_series(0.1, 0.4, 0.1);
-- expect
generate_series
0.1
0.2
0.3
0.4

-- case: generate_series with a zero step
SELECT * FROM generate_series(0.5, 2.0, 0);
-- error: step size cannot equal zero

-- case: setseed returns void, which is not NULL
SELECT setseed(0.5) IS NULL;
-- expect
?column?
f

-- case: SQL/JSON paths: a filter, members of each element, a slice, the first item, existence
SELECT jsonb_path_query_array('{"a": [1, 2, 3]}', '$.a[*] ? (@ > 1)'), jsonb_path_query_array('{"a": [{"b": 1}, {"b": 5, "c": "x"}]}', '$.a.b'), jsonb_path_query_array('[1, 2, 3, 4]', '$[1 to last]'), jsonb_path_query_first('{"a": [1, 2]}', '$.a[last]'), jsonb_path_exists('{"a": 1}', '$.b');
-- expect
jsonb_path_query_array|jsonb_path_query_array|jsonb_path_query_array|jsonb_path_query_first|jsonb_path_exists
[2, 3]|[1, 5]|[2, 3, 4]|2|f
