-- EXPLAIN tells which index serves a statement.
-- source: pg_deeplake

-- setup
CREATE TABLE documents (id SERIAL PRIMARY KEY, content text, tags text, emb EMBEDDING) USING deeplake;
INSERT INTO documents (content, tags, emb) VALUES
  ('Introduction to machine learning algorithms', 'machine learning algorithms introduction', ARRAY[1, 0]::float4[]),
  ('Learn Python programming from basics', 'python programming tutorial advanced', ARRAY[0, 1]::float4[]);
CREATE INDEX idx_id_inverted ON documents USING deeplake_index (id) WITH (index_type = 'inverted');
CREATE INDEX idx_tags_exact ON documents USING deeplake_index (tags) WITH (index_type = 'exact_text');
CREATE INDEX idx_content_bm25 ON documents USING deeplake_index (content) WITH (index_type = 'bm25');
CREATE INDEX idx_emb ON documents USING deeplake_index (emb);

-- case: a BM25 search names its index
EXPLAIN SELECT id FROM documents ORDER BY content <#> 'machine learning' LIMIT 3;
-- contains: idx_content_bm25

-- case: a vector search names its index
EXPLAIN SELECT id FROM documents ORDER BY emb <#> ARRAY[1, 0]::float4[] DESC LIMIT 1;
-- contains: idx_emb

-- case: an exact_text index serves = on text
EXPLAIN SELECT id FROM documents WHERE tags = 'python programming tutorial advanced' LIMIT 10;
-- contains: idx_tags_exact

-- case: an exact_text index serves = inside AND
EXPLAIN SELECT id FROM documents WHERE id <= 4 AND tags = 'python programming tutorial advanced' LIMIT 10;
-- contains: idx_tags_exact

-- case: the answer of an index-served filter
SELECT id FROM documents WHERE id <= 4 AND tags = 'python programming tutorial advanced' LIMIT 10;
-- expect
id
2

-- case: an exact_text index serves IN
EXPLAIN SELECT count(*) FROM documents WHERE tags IN ('a', 'b');
-- contains: idx_tags_exact

-- case: the answer of an index-served IN
SELECT id FROM documents WHERE tags IN ('python programming tutorial advanced', 'machine learning algorithms introduction', 'x') ORDER BY id;
-- expect
id
1
2

-- case: exact_text is exact: case matters
SELECT id FROM documents WHERE tags = 'Python programming tutorial advanced';
-- expect
id

-- case: exact_text is exact: spaces matter
SELECT id FROM documents WHERE tags = 'python programming tutorial advanced ';
-- expect
id

-- case: = NULL matches no row, with the index as without
SELECT count(*) FROM documents WHERE tags = NULL;
-- expect
count
0

-- case: a BM25 search answered from its index returns matching rows only (score: a term in half of the documents has the least idf, 0.001, times 2.5 / 2.5)
SELECT id, content <#> 'machine' AS score FROM documents ORDER BY score LIMIT 5;
-- expect
id|score
1|0.001

-- case[local]: the weighted record cast ranks by both sides (softmax per side, weights 0.4 / 0.6)
SELECT id FROM documents ORDER BY (emb, content) <#> (ARRAY[1, 0]::float4[], 'python', 0.4, 0.6)::deeplake_hybrid_record LIMIT 2;
-- expect
id
2
1

-- case[local]: a hybrid search on an (EMBEDDING_2D, TEXT) record ranks by MaxSim and BM25
CREATE TABLE mv (id int, e2 EMBEDDING_2D, body text) USING deeplake;
INSERT INTO mv VALUES (1, ARRAY[[1, 0], [0, 1]]::float4[][], 'black cat'), (2, ARRAY[[0, 1]]::float4[][], 'white dog'),
  (3, ARRAY[[-1, 0]]::float4[][], 'grey cat');
SELECT id FROM mv ORDER BY (e2, body)::deeplake_hybrid_record <#> deeplake_hybrid_record(ARRAY[[1, 0]]::float4[][], 'cat') LIMIT 3;
-- expect
id
1
3
2

-- case[local]: a hybrid index on an (EMBEDDING_2D, TEXT) record serves that search
CREATE INDEX mv_hybrid ON mv USING deeplake_index (((e2, body)::deeplake_hybrid_record) deeplake_hybrid_ops DESC);
EXPLAIN SELECT id FROM mv ORDER BY (e2, body)::deeplake_hybrid_record <#> deeplake_hybrid_record(ARRAY[[1, 0]]::float4[][], 'cat') LIMIT 3;
-- contains: mv_hybrid


-- case: an exact_text lookup finds a value with a quote and leaves NULLs out
CREATE TABLE lookups (id int, title text) USING deeplake;
INSERT INTO lookups VALUES (1, 'Ender''s Game'), (2, NULL), (3, 'ender''s game'), (4, 'Ender''s Game');
CREATE INDEX lookups_title ON lookups USING deeplake_index (title) WITH (index_type = 'exact_text');
SELECT id FROM lookups WHERE title = 'Ender''s Game' ORDER BY id;
-- expect
id
1
4

-- case: rows written after the index are found through it
INSERT INTO lookups VALUES (5, 'Ender''s Game');
DELETE FROM lookups WHERE id = 1;
SELECT id FROM lookups WHERE title = 'Ender''s Game' AND id > 0 ORDER BY id;
-- expect
id
4
5
