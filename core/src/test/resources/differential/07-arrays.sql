-- Array functions and operators (PostgreSQL documentation, 9.19), arrays on float4[] columns.
-- setup
CREATE TABLE arr (id int, v float4[], tags text[], m float4[][]);
INSERT INTO arr VALUES (1, ARRAY[1.0, 2.0, 3.0]::float4[], ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float4[][]), (2, ARRAY[0.5, -1.5, 2.0]::float4[], ARRAY['b', 'c'], ARRAY[[5, 6], [7, 8]]::float4[][]), (3, NULL, NULL, NULL);
-- end setup
SELECT ARRAY[1, 2, 3];
SELECT ARRAY[1, 2] || ARRAY[3, 4];
SELECT ARRAY[1, 2] || 3, 0 || ARRAY[1, 2];
SELECT ARRAY['a'] || 'b'::text || 'c'::text, ARRAY[1.5] || 2.5, ARRAY[1] || ARRAY[2] || 3, ARRAY[1] || -2;
SELECT ARRAY[[1, 2], [3, 4]];
SELECT ARRAY['a', 'b'];
SELECT ARRAY[1.5, 2.5];
SELECT ARRAY[1, 2, 3] @> ARRAY[3, 1], ARRAY[1, 4] <@ ARRAY[1, 2, 3];
SELECT ARRAY[1, 4, 3] && ARRAY[2, 1];
SELECT ARRAY[1, 2, 3] = ARRAY[1, 2, 3], ARRAY[1, 2, 3] < ARRAY[1, 2, 4];
SELECT (ARRAY[10, 20, 30])[2];
SELECT (ARRAY[10, 20, 30])[2:3];
SELECT (ARRAY[10, 20, 30])[5];
SELECT array_append(ARRAY[1, 2], 3), array_prepend(1, ARRAY[2, 3]);
SELECT array_cat(ARRAY[1, 2, 3], ARRAY[4, 5]);
SELECT array_dims(ARRAY[[1, 2, 3], [4, 5, 6]]);
SELECT array_dims(ARRAY['a']), array_dims(ARRAY[]::int[]), array_dims(ARRAY[[[1], [2]]]);
SELECT array_length(ARRAY[1, 2, 3], 1);
SELECT array_lower(ARRAY[1, 2, 3], 1), array_upper(ARRAY[1, 2, 3], 1);
SELECT array_ndims(ARRAY[[1, 2, 3], [4, 5, 6]]);
SELECT array_position(ARRAY['sun', 'mon', 'tue'], 'mon');
SELECT array_positions(ARRAY['A', 'A', 'B', 'A'], 'A');
SELECT array_remove(ARRAY[1, 2, 3, 2], 2);
SELECT array_replace(ARRAY[1, 2, 5, 4], 5, 3);
SELECT cardinality(ARRAY[[1, 2], [3, 4]]);
SELECT cardinality('{{1,2,3},{4,5,6}}'::int[]), cardinality(ARRAY[ARRAY[1], ARRAY[2]]), cardinality(ARRAY[[[1, 2], [3, 4]]]), cardinality(ARRAY[1, 2, 3]), cardinality(ARRAY[]::int[]);
SELECT id, cardinality(m), cardinality(v), cardinality(tags) FROM arr ORDER BY id;
SELECT 'b' = ANY('{a,b}'), 2 = ANY('{1,2}'), 3 <> ALL('{1,2}'), 'x' = ANY('{}');
SELECT id FROM arr WHERE tags @> '{b}' ORDER BY id;
SELECT id FROM arr WHERE tags = '{a,b}' OR '{c,b}' = tags OR tags && '{z}' ORDER BY id;
SELECT '{"a\"b", it''s, "x,y", NULL}'::text[], '{ {1, 2}, {3, 4} }'::int[];
SELECT tags || '{z}', '{y}' || tags FROM arr WHERE tags IS NOT NULL ORDER BY id;
SELECT id FROM arr WHERE cardinality(m) = 4 ORDER BY id;
SELECT array_to_string(ARRAY['a', 'b', 'c'], '-');
SELECT unnest(ARRAY[1, 2]);
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['foo', 'bar', 'baz']) AS x(a, b);
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY AS u(x, y, n);
SELECT t.id, u.p, u.q FROM (SELECT 1 AS id, ARRAY[1, 2] AS a, ARRAY['x'] AS b) t, unnest(t.a, t.b) AS u(p, q) ORDER BY 2;
SELECT x FROM unnest(ARRAY[3, 1, 2]) AS x ORDER BY x;
SELECT x, n FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY AS u(x, n) ORDER BY n;
SELECT array_agg(x ORDER BY x DESC) FROM unnest(ARRAY[3, 1, 2]) AS x;
SELECT ARRAY(SELECT generate_series(1, 3));
SELECT '{1,2,3}'::int[];
SELECT '{a,b}'::text[];
SELECT ARRAY[NULL, 1];
SELECT ARRAY['a b', 'c'];
SELECT 3 = ANY (ARRAY[1, 2, 3]), 3 = ALL (ARRAY[3, 3]);
SELECT id, v FROM arr ORDER BY id;
SELECT id, v[1], v[3] FROM arr ORDER BY id;
SELECT id, m[1][2] FROM arr ORDER BY id;
SELECT id, array_length(v, 1), cardinality(v) FROM arr ORDER BY id;
SELECT id FROM arr WHERE v = ARRAY[1.0, 2.0, 3.0]::float4[];
SELECT id FROM arr WHERE tags @> ARRAY['b'] ORDER BY id;
SELECT id FROM arr WHERE tags && ARRAY['c', 'z'] ORDER BY id;
SELECT id FROM arr WHERE 'a' = ANY(tags);
SELECT id, tags FROM arr ORDER BY id;
SELECT id, unnest(tags) FROM arr ORDER BY 1, 2;
SELECT id, array_length(m, 1), array_length(m, 2) FROM arr ORDER BY id;
-- differs: column types: PostgreSQL [INT32, EMBEDDING], Lakebench [INT32, EMBEDDING_2D]
SELECT id, m FROM arr ORDER BY id;
-- differs: column types: PostgreSQL [INT32, EMBEDDING], Lakebench [INT32, OTHER]
SELECT id, v[2:3] FROM arr ORDER BY id;
SELECT id, tags[1] FROM arr ORDER BY id;
SELECT array_agg(id ORDER BY id) FROM arr;
-- differs: column types: PostgreSQL [EMBEDDING], Lakebench [OTHER]
SELECT ARRAY[1, 2, 3]::float4[];
-- differs: column types: PostgreSQL [EMBEDDING], Lakebench [OTHER]
SELECT ARRAY[0.1, 0.2]::float4[];
SELECT string_to_array('1,2,3', ',')::int[];
SELECT array_upper(ARRAY[[1, 2, 3], [4, 5, 6]], 2), array_ndims(ARRAY[1]);
SELECT array_positions(ARRAY[1, NULL, 1], NULL), array_remove(ARRAY['a', NULL], NULL), array_replace(ARRAY[NULL, 1], NULL, 0);
SELECT array_to_string(ARRAY['a', NULL], '-', '?'), array_to_string(ARRAY['a', NULL], '-');
-- PostgreSQL array literals.
SELECT '{a,"b c","d,e",NULL}'::text[], '{}'::int[], ('{x, NULL}'::text[])[2] IS NULL, '{1, 2}'::bigint[];
SELECT ('{{1,2},{3,4}}'::int[])[2][1], array_length('{{1,2},{3,4}}'::int[], 2);
SELECT id, tags || 'z'::text, 'y'::text || tags FROM arr ORDER BY id;
UPDATE arr SET tags = tags || 'new'::text WHERE id = 1;
SELECT id, tags FROM arr ORDER BY id;
