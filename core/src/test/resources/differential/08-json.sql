-- JSON functions and operators (PostgreSQL documentation, 9.16).
-- setup
CREATE TABLE docs (id int, j jsonb, js json);
INSERT INTO docs VALUES (1, '{"a": 1, "b": {"c": "x"}, "tags": ["p", "q"]}', '{"a": 1}'), (2, '{"a": 2, "b": {"c": "y"}}', '{"a": 2}'), (3, NULL, NULL);
-- end setup
-- differs: values: PostgreSQL [{"b": "foo"}], Lakebench [{"b":"foo"}]
SELECT '{"a": {"b": "foo"}}'::json -> 'a';
-- differs: values: PostgreSQL [{"b": "bar"}], Lakebench [{"b":"bar"}]
SELECT '[{"a": "foo"}, {"b": "bar"}]'::json -> 1;
SELECT '{"a": 1, "b": 2}'::json ->> 'b';
SELECT '[1, 2, 3]'::json ->> 2;
SELECT '{"a": {"b": ["foo", "bar"]}}'::json #> '{a,b,1}';
SELECT '{"a": {"b": ["foo", "bar"]}}'::json #>> '{a,b,1}';
SELECT '{"a": 1, "b": 2}'::jsonb @> '{"b": 2}'::jsonb;
SELECT '{"b": 2}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb;
SELECT '{"a": 1, "b": 2}'::jsonb ? 'b';
SELECT '{"a": 1, "b": 2, "c": 3}'::jsonb ?| array['b', 'd'];
SELECT '["a", "b", "c"]'::jsonb ?& array['a', 'b'];
SELECT '{"a": "b"}'::jsonb || '{"c": "d"}'::jsonb;
SELECT '{"a": "b", "c": "d"}'::jsonb - 'a';
SELECT '{"b": 1, "a": 2}'::jsonb;
SELECT '{"b": 1, "a": 2}'::json;
SELECT '{"a":1,"b":[1,2]}'::jsonb;
SELECT '[1, 2.50, "x", null, true]'::jsonb;
SELECT '{"a": 1}'::jsonb = '{"a": 1.0}'::jsonb;
SELECT to_json('Fred said "Hi."'::text);
SELECT to_jsonb(ARRAY[1, 2]);
SELECT array_to_json('{{1,5},{99,100}}'::int[]);
SELECT json_build_array(1, 2, 'foo', 4, 5);
SELECT jsonb_build_array(1, 2, 'foo');
-- differs: Lakebench fails (json_object() keys must be VARCHAR, add an explicit cast to argument ""2"". Check column names and argument types), PostgreSQL answers
SELECT json_build_object('foo', 1, 2, 'bar');
SELECT jsonb_build_object('foo', 1, 'bar', 'baz');
-- differs: Lakebench fails (json_object() requires an even number of arguments. Check column names and argument types), PostgreSQL answers
SELECT json_object('{a, 1, b, "def", c, 3.5}');
SELECT json_array_length('[1,2,3,{"f1":1,"f2":[5,6]},4]');
SELECT jsonb_array_length('[1, 2]');
SELECT * FROM json_each('{"a":"foo", "b":"bar"}') ORDER BY key;
SELECT * FROM jsonb_each_text('{"a":"foo", "b":"bar"}') ORDER BY key;
SELECT json_object_keys('{"f1":"abc","f2":{"f3":"a", "f4":"b"}}');
-- differs: values: PostgreSQL [[2, false]], Lakebench [[2,false]]
SELECT jsonb_array_elements('[1, true, [2, false]]');
SELECT * FROM jsonb_array_elements_text('["foo", "bar"]');
SELECT jsonb_typeof('-123.4'), json_typeof('"foo"');
SELECT jsonb_pretty('{"a": 1}');
SELECT jsonb_set('[{"f1":1,"f2":null},2,null,3]', '{0,f1}', '[2,3,4]', false);
SELECT jsonb_set('[{"f1":1,"f2":null},2]', '{0,f3}', '[2,3,4]');
SELECT jsonb_set('{"a": [1, 2]}', '{a,-1}', '9'), jsonb_set('{"a": [1, 2]}', '{a,5}', '9'), jsonb_set('{"a": 1}', '{x,y}', '9');
SELECT jsonb_set('[1, 2]', '{x}', '9');
SELECT jsonb_strip_nulls('[{"f1":1, "f2":null}, 2, null, 3]');
-- differs: Lakebench fails (jsonb_path_query_array() is not supported by the local engine. Use a function the engine has (SELECT function_name FROM duckdb_functions() lists them)), PostgreSQL answers
SELECT jsonb_path_query_array('{"a": [1, 2, 3]}', '$.a[*] ? (@ > 1)');
SELECT json_agg(x) FROM generate_series(1, 3) AS x;
SELECT jsonb_agg(x ORDER BY x DESC) FROM generate_series(1, 3) AS x;
SELECT jsonb_object_agg(k, v) FROM (VALUES ('a', 1), ('b', 2)) AS t(k, v);
SELECT id, j -> 'a', j ->> 'a' FROM docs ORDER BY id;
SELECT id, j -> 'b' ->> 'c' FROM docs ORDER BY id;
SELECT id, j #>> '{b,c}' FROM docs ORDER BY id;
SELECT id FROM docs WHERE j @> '{"a": 2}' ORDER BY id;
SELECT id FROM docs WHERE j ? 'tags' ORDER BY id;
SELECT id FROM docs WHERE j -> 'tags' ? 'q' ORDER BY id;
SELECT '["a", "b"]'::jsonb ? 'a', '"a"'::jsonb ? 'a', '[["a"]]'::jsonb ? 'a', '{"x": {"a": 1}}'::jsonb ? 'a', '[1, "1"]'::jsonb ? '1', '[1]'::jsonb ? '1', '{"a b": 1}'::jsonb ? 'a b', 'null'::jsonb ? 'a';
SELECT id FROM docs WHERE j = '{"b": {"c": "y"}, "a": 2}'::jsonb;
SELECT id, j -> 'tags' -> 0 FROM docs ORDER BY id;
SELECT id, (j ->> 'a')::int + 1 FROM docs ORDER BY id;
SELECT id, js -> 'a' FROM docs ORDER BY id;
SELECT id, j FROM docs ORDER BY id;
SELECT id, jsonb_array_length(j -> 'tags') FROM docs ORDER BY id;
SELECT id, jsonb_typeof(j -> 'b') FROM docs ORDER BY id;
SELECT count(*) FROM docs, jsonb_array_elements(j -> 'tags');
SELECT id, e FROM docs, jsonb_array_elements_text(j -> 'tags') AS e ORDER BY id, e;
SELECT '{"a": 1}'::jsonb ?& array['a', 'b'], '{"b": 3}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb, '[1, 2, 3]'::jsonb @> '[1, 3]'::jsonb;
SELECT jsonb_pretty('{"b": [1, {"c": null}], "a": 1, "d": {}, "e": []}');
SELECT jsonb_strip_nulls('{"a": {"b": null, "c": 1}, "d": null}');
SELECT jsonb_object_agg(k, v) FROM (VALUES ('b', 1), ('a', 2), ('ccc', 3)) AS t(k, v);
SELECT jsonb_object_keys('{"b": 1, "a": {"c": 2}}') ORDER BY 1;
SELECT * FROM jsonb_each_text('{"a":"foo", "b":{"c": 1}, "n": null}') AS t ORDER BY key;
SELECT t.key, t.value FROM jsonb_each('{"b": [1, 2], "a": 1}') AS t ORDER BY 1;
SELECT id, jsonb_set(j, '{b,c}', '"z"') FROM docs ORDER BY id;
SELECT jsonb_set(j, ARRAY['tags', '0'], '"r"') FROM docs WHERE id = 1;
UPDATE docs SET j = jsonb_set(j, '{a}', '10') WHERE id = 2;
SELECT id, j FROM docs ORDER BY id;
INSERT INTO docs VALUES (4, '{"zz":1,"a":{"y":2.50,"b":null},"a":[true]}'::jsonb, '{"b":1}'::json);
SELECT id, j, js FROM docs WHERE id = 4;
SELECT jsonb '{"b":2,"a":1}', CAST('[1,{"d":1,"c":2}]' AS jsonb), '{"b":1,  "a":2}'::json;
SELECT id FROM docs WHERE j = '{"a":1,"b":{"c":"x"},"tags":["p","q"]}'::jsonb;
INSERT INTO docs VALUES (5, '{"b":1,"a":{"c":"x"}}', '{"b":1}');
SELECT id, j FROM docs WHERE id = 5;
SELECT j -> 'a' FROM docs WHERE id = 5;
SELECT json_agg(j ORDER BY id) FROM docs WHERE id IN (1, 2);
-- json / jsonb columns keep their declared type: pg_typeof, values built from them, input checked.
SELECT pg_typeof(j)::text, pg_typeof(js)::text FROM docs WHERE id = 1;
SELECT pg_typeof(j -> 'a')::text, pg_typeof(js -> 'a')::text, pg_typeof(j ->> 'a')::text, pg_typeof(j #> '{b}')::text FROM docs WHERE id = 1;
SELECT pg_typeof(jsonb_build_object('a', 1))::text, pg_typeof(json_build_object('a', 1))::text, pg_typeof('{}'::jsonb)::text, pg_typeof(to_jsonb(1))::text, pg_typeof('[]'::json)::text;
SELECT pg_typeof(jsonb_agg(id))::text, pg_typeof(json_agg(id))::text, pg_typeof(jsonb_set(j, '{a}', '1'))::text FROM docs WHERE id = 1 GROUP BY j;
SELECT jsonb_build_object('id', id, 'doc', j) FROM docs WHERE id = 2;
SELECT jsonb_agg(j ORDER BY id) FROM docs WHERE id IN (1, 2);
SELECT jsonb_build_array(j -> 'b', js) FROM docs WHERE id = 1;
SELECT id, j -> 'b', j #> '{b}' FROM docs WHERE id IN (1, 2) ORDER BY id;
INSERT INTO docs VALUES (6, 'not json', NULL);
INSERT INTO docs (id, js) VALUES (7, '{"a": ');
UPDATE docs SET j = '{"z": [1,  2], "y":{}}' WHERE id = 3;
SELECT j, j -> 'z' FROM docs WHERE id = 3;
ALTER TABLE docs ADD COLUMN extra jsonb;
UPDATE docs SET extra = '{"k":  true}' WHERE id = 1;
SELECT pg_typeof(extra)::text, extra FROM docs WHERE id = 1;
CREATE TABLE docs2 AS SELECT id, j FROM docs WHERE id = 1;
SELECT pg_typeof(j)::text, j FROM docs2;
CREATE TABLE docs3 AS SELECT * FROM docs WHERE id = 1;
SELECT pg_typeof(j)::text, pg_typeof(js)::text, j FROM docs3;
CREATE TABLE docs4 AS SELECT j -> 'b' AS b, '{"y":1, "x":2}'::jsonb AS k, jsonb_build_object('n', id) AS o, js AS plain FROM docs WHERE id = 1;
INSERT INTO docs4 (b) VALUES ('{"zz":1,"a":2}');
SELECT pg_typeof(b)::text, pg_typeof(k)::text, pg_typeof(o)::text, pg_typeof(plain)::text, b, k, o FROM docs4 ORDER BY k IS NULL;
-- -> and ->> bind tighter than comparisons, LIKE, IN, IS NULL, AND and OR, as in PostgreSQL.
CREATE TABLE jp (id int, j jsonb, d json);
INSERT INTO jp VALUES (1, '{"a": 1, "b": {"c": "x"}, "tags": ["p", "q"]}', '{"a": "1"}'), (2, '{"a": 2, "b": {"c": "y"}}', '{"a": 2}'), (3, NULL, NULL);
SELECT id FROM jp WHERE j -> 'b' = '{"c":"x"}'::jsonb ORDER BY id;
SELECT id FROM jp WHERE d ->> 'a' = '1' ORDER BY id;
SELECT id FROM jp WHERE j -> 'b' ->> 'c' = 'x' ORDER BY id;
SELECT id FROM jp WHERE d -> 'a' IS NULL ORDER BY id;
SELECT id FROM jp WHERE 'x' = j -> 'b' ->> 'c';
SELECT id, j -> 'a' = '2'::jsonb AS two FROM jp ORDER BY id;
SELECT id FROM jp WHERE j -> 'a' <> '1'::jsonb AND j ->> 'a' LIKE '2%' ORDER BY id;
SELECT id FROM jp WHERE j -> 'tags' ->> 0 LIKE 'p%' OR d ->> 'a' = '2' ORDER BY id;
SELECT id FROM jp WHERE j -> 'a' IN ('1', '2') ORDER BY id;
SELECT count(*) FILTER (WHERE j -> 'b' ->> 'c' IN ('x', 'y')) FROM jp;
SELECT CASE WHEN j -> 'b' ->> 'c' = 'x' THEN 'yes' ELSE 'no' END AS m FROM jp ORDER BY id;
SELECT id, j -> 'b' ->> 'c' || '!' FROM jp ORDER BY id;
SELECT id FROM jp ORDER BY j -> 'b' ->> 'c' DESC NULLS LAST, id;
SELECT '{"a": {"b": 1}}'::jsonb -> 'a' = '{"b": 1}'::jsonb, '{"a": "1"}'::jsonb ->> 'a' = '1';
SELECT '{"a": [1, 2]}'::jsonb -> 'a' -> 1 = '2', '{"a": null}'::json -> 'a' IS NULL, '{"a": null}'::jsonb -> 'b' IS NULL;
UPDATE jp SET d = '{"a": 9}' WHERE j -> 'b' ->> 'c' = 'y';
SELECT id, d FROM jp ORDER BY id;
-- jsonb || merges objects and joins arrays, - removes a key or an element, on constants and columns.
SELECT '{"a": 1, "b": {"x": 1}}'::jsonb || '{"b": {"y": 2}}', '[1, 2]'::jsonb || '[3]'::jsonb || '4'::jsonb, '["a", "b", "a"]'::jsonb - 'a', '["a", "b", "c"]'::jsonb - -1;
SELECT '{"a": 1}'::jsonb - 0;
SELECT id, j - 'b', j -> 'tags' || '["z"]' FROM jp ORDER BY id;
UPDATE jp SET j = (j || '{"k": true, "a": 5}') - 'b' WHERE id <= 2;
SELECT id, j FROM jp ORDER BY id;
-- a jsonb side compared with a string literal compares documents (PostgreSQL reads the literal as jsonb).
SELECT id FROM jp WHERE j = '{"k": true, "a": 5}' ORDER BY id;
SELECT id FROM jp WHERE j -> 'k' = 'true' AND '{"a":5,"k":true,"tags":["p","q","z"]}' <> j ORDER BY id;
SELECT id, j = '{"k": true, "a": 5, "tags": ["p", "q"]}' AS same FROM jp ORDER BY id;
-- RETURNING prints a jsonb column and a path on one as PostgreSQL prints jsonb, also through *.
CREATE TABLE rj (id int, j jsonb, js json);
INSERT INTO rj VALUES (1, '{"b":1,"a":[1,2],"a":3}', '{"b":1}') RETURNING j, js, j -> 'a' AS a, rj.j #> '{a}';
INSERT INTO rj VALUES (2, '{"zz":{"y":1,"x":[true, null]},"k":"v"}', NULL) RETURNING *;
UPDATE rj SET j = '{"y":2,"x":1}' WHERE id = 1 RETURNING id, rj.j;
DELETE FROM rj WHERE id = 2 RETURNING j AS doc;
