-- Casts to the Lakebench domain types and PostgreSQL spellings become engine types.

-- case: image bytes
SELECT decode('89504e47', 'hex')::IMAGE
-- engine:
SELECT unhex('89504e47')::BLOB AS "decode"

-- case: embedding and multi-embedding casts
SELECT CAST(x AS EMBEDDING), y::EMBEDDING_2D FROM other_table
-- engine:
SELECT CAST(x AS FLOAT[]) AS "x", y::FLOAT[][] AS "y" FROM other_table

-- case: integer and float names
SELECT 1::INT32, 2::INT64, 3::FLOAT32, 4::FLOAT64, true::BOOL
-- engine:
SELECT 1::INTEGER AS "int32", 2::BIGINT AS "int64", 3::FLOAT AS "float32", 4::DOUBLE AS "float64", true::BOOLEAN AS "bool"

-- case: jsonb
SELECT '{"a": 1}'::jsonb
-- engine:
SELECT CAST(lb_pg_json('{"a": 1}', 'jsonb') AS JSON) AS "jsonb"

-- case: jsonb of a value
SELECT CAST('{"a": 1}' || '' AS jsonb) AS j
-- engine:
SELECT CAST('{"a": 1}' || '' AS JSON) AS j

-- case: the hybrid record outside a search is refused
SELECT (1, 'a')::deeplake_hybrid_record
-- error: A deeplake_hybrid_record is only valid with <#>. Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])

-- case: in an UPDATE value
UPDATE docs SET picture = $1::IMAGE WHERE id = 1
-- engine:
UPDATE lb_data."docs" SET picture = $1::BLOB, _lb_ver = nextval('lb_meta."seq_docs"') WHERE id = 1
-- writes: docs
