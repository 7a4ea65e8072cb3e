-- A vector column used as a value is read as the array it stands for.

-- case: compared with an array
SELECT id FROM docs WHERE emb = ARRAY[1.0, 2.0, 3.0]::float4[]
-- engine:
SELECT id FROM docs WHERE CAST(lb_vector_text(struct_extract(emb, 'lb_vec'), 'v') AS FLOAT[]) = ARRAY[1.0, 2.0, 3.0]::float4[]

-- case: subscripted
SELECT emb[1], multi[1][2] FROM docs
-- engine:
SELECT CAST(lb_vector_text(struct_extract(emb, 'lb_vec'), 'v') AS FLOAT[])[1] AS "emb", CAST(lb_vector_text(struct_extract(multi, 'lb_mvec'), 'm') AS FLOAT[][])[1][2] AS "multi" FROM docs

-- case: passed to an array function
SELECT array_length(emb, 1), cardinality(multi) FROM docs
-- engine:
SELECT CAST(array_length(CAST(lb_vector_text(struct_extract(emb, 'lb_vec'), 'v') AS FLOAT[]), 1) AS INTEGER) AS "array_length", CAST(cardinality(flatten(CAST(lb_vector_text(struct_extract(multi, 'lb_mvec'), 'm') AS FLOAT[][]))) AS INTEGER) AS "cardinality" FROM docs

-- case: a bare select item is decoded from the result instead
SELECT emb, multi FROM docs
-- engine:
SELECT emb, multi FROM docs

-- case: any() over a vector
SELECT id FROM docs WHERE 1.0 = ANY(emb)
-- engine:
SELECT id FROM docs WHERE 1.0 = ANY(CAST(lb_vector_text(struct_extract(emb, 'lb_vec'), 'v') AS FLOAT[]))

-- case: a vector of a CTE is not a table column
WITH v AS (SELECT [1.0, 2.0] AS emb) SELECT emb[1] FROM v
-- engine:
WITH v AS (SELECT [1.0, 2.0] AS emb) SELECT emb[1] AS "emb" FROM v

-- case: a qualified reference
SELECT d.emb[2] FROM docs AS d
-- engine:
SELECT CAST(lb_vector_text(struct_extract(d.emb, 'lb_vec'), 'v') AS FLOAT[])[2] AS "emb" FROM docs AS d

-- case: an ambiguous column is left to the engine
SELECT emb[1] FROM docs, notes
-- engine:
SELECT emb[1] AS "emb" FROM docs, notes
