-- decode() with a format, and functions that exist only as search syntax.

-- case: decode hex
SELECT decode('4869', 'hex')
-- engine:
SELECT unhex('4869') AS "decode"

-- case: decode base64
SELECT decode('SGk=', 'base64')
-- engine:
SELECT from_base64('SGk=') AS "decode"

-- case: an unknown decode format is refused
SELECT decode('x', 'escape')
-- error: decode() format 'escape' is not supported. Use decode(text, 'hex') or decode(text, 'base64')

-- case: decode of a single argument is the engine's
SELECT decode(b) FROM other_table
-- engine:
SELECT decode(b) AS "decode" FROM other_table

-- case: a qualified decode
SELECT pg_catalog.decode('4869', 'hex')
-- engine:
SELECT pg_catalog.unhex('4869') AS "decode"

-- case: bm25_similarity is refused with the operator to use
SELECT bm25_similarity(body, 'x') FROM docs
-- error: BM25_SIMILARITY() is not a function in Lakebench SQL. Rank text with the <#> operator: SELECT *, text <#> 'query' AS score FROM t ORDER BY score DESC LIMIT 10

-- case: deeplake_hybrid_record outside a search is refused
SELECT deeplake_hybrid_record($1, $2)
-- error: deeplake_hybrid_record(...) is only valid on the right of <#>. Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])
