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

-- case[gap]: equality on jsonb ignores key order and spacing
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

-- case[gap]: jsonb_build_object
SELECT jsonb_build_object('a', 1, 'b', 'x');
-- expect
jsonb_build_object
{"a": 1, "b": "x"}

-- case[gap]: json_build_object
SELECT json_build_object('a', 1);
-- expect
json_build_object
{"a" : 1}

-- case[gap]: jsonb_array_elements as a relation
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
