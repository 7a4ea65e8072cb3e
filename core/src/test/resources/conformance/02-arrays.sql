-- Arrays on float4[], float4[][] (EMBEDDING, EMBEDDING_2D) and other array columns.
-- source: postgresql

-- setup
CREATE TABLE docs (id int, emb float4[], mv float4[][], tags text[]);
INSERT INTO docs VALUES
  (1, ARRAY[1.0, 2.0, 3.0]::float4[], ARRAY[[1.0, 0.0], [0.0, 1.0]]::float4[][], ARRAY['a', 'b']),
  (2, ARRAY[0.5, 0.5, 0.0]::float4[], ARRAY[[0.5, 0.5], [1.0, 1.0]]::float4[][], ARRAY['b', 'c']),
  (3, ARRAY[0.0, 0.0, 1.0]::float4[], ARRAY[[2.0, 2.0], [3.0, 3.0]]::float4[][], ARRAY['c']);

-- case: a float4[] column reads back as an array
SELECT emb FROM docs WHERE id = 1;
-- expect
emb
{1,2,3}

-- case: equality with an array literal
SELECT id FROM docs WHERE emb = ARRAY[1.0, 2.0, 3.0]::float4[];
-- expect
id
1

-- case: equality with a bound vector
SELECT id FROM docs WHERE emb = $1;
-- params: {0.5,0.5,0}
-- expect
id
2

-- case: element access is 1-based
SELECT id, emb[1], emb[3] FROM docs ORDER BY id;
-- expect
id|emb|emb
1|1|3
2|0.5|0
3|0|1

-- case: element access on a 2-D array
SELECT mv[2][1] FROM docs ORDER BY id;
-- expect
mv
0
1
3

-- case: array_length and cardinality
SELECT array_length(emb, 1), cardinality(emb), array_length(mv, 1) FROM docs WHERE id = 1;
-- expect
array_length|cardinality|array_length
3|3|2

-- case: @> on text arrays
SELECT id FROM docs WHERE tags @> ARRAY['b'] ORDER BY id;
-- expect
id
1
2

-- case: && overlap on text arrays
SELECT id FROM docs WHERE tags && ARRAY['a', 'c'] ORDER BY id;
-- expect
id
1
2
3

-- case: x = ANY(array column)
SELECT id FROM docs WHERE 'c' = ANY(tags) ORDER BY id;
-- expect
id
2
3

-- case: = ANY on a float4[] column
SELECT id FROM docs WHERE 1 = ANY(emb) ORDER BY id;
-- expect
id
1
3

-- case: unnest of a column
SELECT unnest(emb) FROM docs WHERE id = 2;
-- expect
unnest
0.5
0.5
0

-- case: unnest of a literal as a relation
SELECT * FROM unnest(ARRAY[3, 1, 2]) AS u(x) ORDER BY x;
-- expect
x
1
2
3

-- case: ARRAY constructor and array_length of a literal
SELECT array_length(ARRAY[1, 2, 3, 4], 1);
-- expect
array_length
4

-- case: arrays in INSERT ... SELECT with generate_series
INSERT INTO docs (id, emb) SELECT i, ARRAY[i, i * 2, 0]::float4[] FROM generate_series(10, 12) AS i;
SELECT id, emb FROM docs WHERE id >= 10 ORDER BY id;
-- expect
id|emb
10|{10,20,0}
11|{11,22,0}
12|{12,24,0}

-- case: array_to_string of a text array
SELECT array_to_string(tags, '-') FROM docs WHERE id = 1;
-- expect
array_to_string
a-b
