-- json and jsonb.
-- source: postgresql

-- setup
CREATE TABLE events (id int, doc jsonb, raw json);
INSERT INTO events VALUES
  (1, '{"kind": "click", "pos": {"x": 1, "y": 2}, "tags": ["a", "b"]}', '{"n": 1}'),
  (2, '{"kind": "view", "pos": {"x": 5, "y": 6}, "tags": ["c"]}', '{"n": 2}');

-- case: -> gives json, ->> gives text
SELECT doc -> 'kind', doc ->> 'kind' FROM events ORDER BY id;
-- expect
?column?|?column?
"click"|click
"view"|view

-- case: #> and #>> take a path
SELECT doc #> '{pos,x}', doc #>> '{pos,y}' FROM events ORDER BY id;
-- expect
?column?|?column?
1|2
5|6

-- case: @> containment on jsonb
SELECT id FROM events WHERE doc @> '{"kind": "view"}';
-- expect
id
2

-- case: the ? key-exists operator
SELECT count(*) FROM events WHERE doc ? 'tags';
-- expect
count
2

-- case: equality on jsonb ignores key order and spacing
SELECT id FROM events WHERE doc -> 'pos' = '{"y": 2, "x": 1}'::jsonb;
-- expect
id
1

-- case: json ->> on a json column
SELECT raw ->> 'n' FROM events ORDER BY id;
-- expect
?column?
1
2

-- case: jsonb_build_object
SELECT jsonb_build_object('a', 1, 'b', 'x');
-- expect
jsonb_build_object
{"a": 1, "b": "x"}

-- case: json_build_object
SELECT json_build_object('a', 1);
-- expect
json_build_object
{"a" : 1}

-- case: jsonb_array_elements as a relation
SELECT e FROM events, jsonb_array_elements(doc -> 'tags') AS e WHERE id = 1 ORDER BY e::text;
-- expect
e
"a"
"b"

-- case: array element by index
SELECT doc -> 'tags' ->> 0 FROM events ORDER BY id;
-- expect
?column?
a
c

-- case: jsonb equality compares numbers by value
SELECT '{"a": 1, "b": [1, 2]}'::jsonb = '{"b": [1, 2], "a": 1.0}'::jsonb;
-- expect
?column?
t

-- case: jsonb equality keeps array order
SELECT '[1, 2]'::jsonb = '[2, 1]'::jsonb, '[1, 2]'::jsonb <> '[2, 1]'::jsonb;
-- expect
?column?|?column?
f|t

-- case: jsonb equality in a WHERE with <>
SELECT id FROM events WHERE doc -> 'pos' <> '{"y": 2, "x": 1}'::jsonb ORDER BY id;
-- expect
id
2

-- case: jsonb_array_elements_text gives text
SELECT t FROM events, jsonb_array_elements_text(doc -> 'tags') AS t ORDER BY t;
-- expect
t
a
b
c

-- case: jsonb_array_elements without an alias names its column value
SELECT count(value) FROM events, jsonb_array_elements(doc -> 'tags');
-- expect
count
3

-- case: jsonb_array_elements in the select list
SELECT jsonb_array_elements(doc -> 'tags') FROM events WHERE id = 2;
-- expect
jsonb_array_elements
"c"

-- case: jsonb_build_object orders keys as jsonb does (shorter first) and nests
SELECT jsonb_build_object('bb', 1, 'a', jsonb_build_object('y', 2.5, 'x', 'q"z'), 'c', NULL);
-- expect
jsonb_build_object
{"a": {"x": "q\"z", "y": 2.5}, "c": null, "bb": 1}

-- case: json_build_object keeps the written order
SELECT json_build_object('b', 1, 'a', true);
-- expect
json_build_object
{"b" : 1, "a" : true}

-- case: the built object is still JSON
SELECT jsonb_build_object('a', 1) ->> 'a';
-- expect
?column?
1

-- case: || on jsonb merges objects, - removes a key
SELECT (doc || '{"kind": "tap"}') - 'tags' FROM events ORDER BY id;
-- expect
?column?
{"pos": {"x": 1, "y": 2}, "kind": "tap"}
{"pos": {"x": 5, "y": 6}, "kind": "tap"}

-- case: json_agg of jsonb values keeps each element's jsonb text
SELECT json_agg(doc -> 'pos' ORDER BY id) AS pos, json_agg(doc ORDER BY id) FILTER (WHERE id = 2) AS docs FROM events;
-- expect
pos|docs
[{"x": 1, "y": 2}, {"x": 5, "y": 6}]|[{"pos": {"x": 5, "y": 6}, "kind": "view", "tags": ["c"]}]
