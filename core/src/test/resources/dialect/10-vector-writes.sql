-- Values written to EMBEDDING / EMBEDDING_2D columns go through the column's vector log.

-- case: INSERT VALUES with every column
INSERT INTO notes VALUES (1, 'a', [1, 2, 3])
-- engine:
INSERT INTO lb_data."notes" ("id", "body", "emb") SELECT "_lb_src"."_lb_c1", "_lb_src"."_lb_c2", lb_meta.lb_vec_store(("_lb_src"."_lb_c3"), $1) FROM (VALUES (1, 'a', [1, 2, 3])) AS "_lb_src"("_lb_c1", "_lb_c2", "_lb_c3")
-- writes: notes
-- slot: vector log notes.emb

-- case: INSERT VALUES shorter than the table leaves the vector column out
INSERT INTO notes VALUES (1, 'a'), (2, 'b')
-- engine:
INSERT INTO lb_data."notes" ("id", "body") VALUES (1, 'a'), (2, 'b')
-- writes: notes

-- case: INSERT SELECT of a listed vector column
INSERT INTO notes (id, emb) SELECT id, emb FROM docs
-- engine:
INSERT INTO lb_data."notes" (id, emb) SELECT "_lb_src"."_lb_c1", lb_meta.lb_vec_store(("_lb_src"."_lb_c2"), $1) FROM (SELECT id, emb FROM docs) AS "_lb_src"("_lb_c1", "_lb_c2")
-- writes: notes
-- slot: vector log notes.emb

-- case: a column without a size yet is sized by the first vector
INSERT INTO fresh (id, emb) VALUES (1, [1, 2])
-- engine:
INSERT INTO lb_data."fresh" (id, emb) SELECT "_lb_src"."_lb_c1", lb_meta.lb_vec_store(("_lb_src"."_lb_c2"), $1) FROM (VALUES (1, [1, 2])) AS "_lb_src"("_lb_c1", "_lb_c2")
-- writes: fresh
-- slot: vector log fresh.emb sized by: SELECT CAST("_lb_src"."_lb_c2" AS VARCHAR) FROM (VALUES (1, [1, 2])) AS "_lb_src"("_lb_c1", "_lb_c2") WHERE "_lb_src"."_lb_c2" IS NOT NULL LIMIT 1

-- case: INSERT RETURNING
INSERT INTO notes (id, emb) VALUES (1, $1) RETURNING id
-- engine:
INSERT INTO lb_data."notes" (id, emb) SELECT "_lb_src"."_lb_c1", lb_meta.lb_vec_store(("_lb_src"."_lb_c2"), $1) FROM (VALUES (1, $2)) AS "_lb_src"("_lb_c1", "_lb_c2") RETURNING id
-- writes: notes
-- slot: vector log notes.emb

-- case: INSERT DEFAULT VALUES writes no vector
INSERT INTO notes DEFAULT VALUES
-- engine:
INSERT INTO lb_data."notes" DEFAULT VALUES
-- writes: notes

-- case: INSERT BY NAME with vectors is refused
INSERT INTO notes BY NAME SELECT 1 AS id, [1, 2, 3] AS emb
-- error: INSERT ... BY NAME cannot write the vector columns of "notes". List the target columns: INSERT INTO notes (a, b) SELECT ...

-- case: UPDATE of a vector column
UPDATE notes SET emb = $1 WHERE id = 1
-- engine:
UPDATE lb_data."notes" SET emb = lb_meta.lb_vec_store(($1), $2), _lb_ver = nextval('lb_meta."seq_notes"') WHERE id = 1
-- writes: notes
-- slot: vector log notes.emb

-- case: UPDATE of a multi-vector column without a size
UPDATE fresh AS f SET multi = $1 WHERE f.id = 1
-- engine:
UPDATE lb_data."fresh" AS f SET multi = lb_meta.lb_mvec_store(($1), $2), _lb_ver = nextval('lb_meta."seq_fresh"') WHERE f.id = 1
-- writes: fresh
-- slot: vector log fresh.multi sized by: SELECT CAST(($1) AS VARCHAR) FROM lb_data."fresh" AS "f" WHERE (f.id = 1) AND ($1) IS NOT NULL LIMIT 1

-- case: UPDATE FROM of a column without a size is refused
UPDATE fresh SET emb = notes.emb FROM notes WHERE fresh.id = notes.id
-- error: Column "emb" of "fresh" has no vector size yet, and UPDATE ... FROM cannot give it one. Insert a first vector with INSERT, or update without FROM

-- case: UPDATE of two columns, one a vector
UPDATE notes SET body = 'x', emb = [0, 0, 1] RETURNING id
-- engine:
UPDATE lb_data."notes" SET body = 'x', emb = lb_meta.lb_vec_store(([0, 0, 1]), $1), _lb_ver = nextval('lb_meta."seq_notes"') RETURNING id
-- writes: notes
-- slot: vector log notes.emb
