-- INSERT, UPDATE, DELETE and TRUNCATE write the data table behind a Lakebench table.

-- case: INSERT without a column list gets the table's columns
INSERT INTO notes (id, body) VALUES (1, 'a')
-- engine:
INSERT INTO lb_data."notes" (id, body) VALUES (1, 'a')
-- writes: notes

-- case: a VALUES row shorter than the table fills its first columns, as in PostgreSQL
INSERT INTO notes VALUES (1, 'a')
-- engine:
INSERT INTO lb_data."notes" ("id", "body") VALUES (1, 'a')
-- writes: notes

-- case: UPDATE bumps the row version
UPDATE notes SET body = 'b' WHERE id = 1
-- engine:
UPDATE lb_data."notes" SET body = 'b', _lb_ver = nextval('lb_meta."seq_notes"') WHERE id = 1
-- writes: notes

-- case: UPDATE without WHERE
UPDATE notes SET body = upper(body)
-- engine:
UPDATE lb_data."notes" SET body = upper(body), _lb_ver = nextval('lb_meta."seq_notes"')
-- writes: notes

-- case: DELETE with USING and a search in its WHERE
DELETE FROM notes USING docs WHERE notes.id = docs.id AND docs.body @> 'x'
-- engine:
DELETE FROM lb_data."notes" USING docs WHERE notes.id = docs.id AND contains(docs.body , 'x')
-- writes: notes

-- case: TRUNCATE
TRUNCATE TABLE notes
-- engine:
TRUNCATE TABLE lb_data."notes"
-- writes: notes

-- case: RETURNING * lists the user's columns
DELETE FROM notes WHERE id = 2 RETURNING *
-- engine:
DELETE FROM lb_data."notes" WHERE id = 2 RETURNING "id", "body", "emb"
-- writes: notes

-- case: a main-qualified target
DELETE FROM main.notes WHERE id = 2
-- engine:
DELETE FROM lb_data."notes" WHERE id = 2
-- writes: notes

-- case: a target in another schema is the engine's
DELETE FROM other.notes WHERE id = 2
-- engine:
DELETE FROM other.notes WHERE id = 2

-- case: a table the workspace does not have
INSERT INTO other_table VALUES (decode('00', 'hex'))
-- engine:
INSERT INTO other_table VALUES (unhex('00'))

-- case: INSERT with an alias and ON CONFLICT
INSERT INTO notes AS n (id, body) VALUES (1, 'x') ON CONFLICT DO NOTHING
-- engine:
INSERT INTO lb_data."notes" AS n (id, body) VALUES (1, 'x') ON CONFLICT DO NOTHING
-- writes: notes

-- case: an unknown target column
INSERT INTO notes (id, nope) VALUES (1, 2)
-- error: Table "notes" has no column "nope". Columns: id, body, emb

-- case: UPDATE with a per-row search in a SET value
UPDATE docs SET price = emb <#> $1 WHERE id = 1
-- engine:
UPDATE lb_data."docs" SET price = lb_cosine(struct_extract(emb, 'lb_vec'), $1), _lb_ver = nextval('lb_meta."seq_docs"') WHERE id = 1
-- writes: docs
-- slot: vector query docs.emb = $1
-- note: per-row score: emb <#> $1 computed exactly for each row (no index: not a top-k ORDER BY ... DESC LIMIT k of one table)

-- case: RETURNING a jsonb column or a path on one prints it as PostgreSQL prints jsonb
INSERT INTO events (id, doc) VALUES (1, '{"b":1,"a":2}') RETURNING doc, events.doc -> 'a' AS a, raw, id
-- engine:
INSERT INTO lb_data."events" (id, doc) VALUES (1, '{"b":1,"a":2}') RETURNING CAST(lb_pg_json(CAST(doc AS VARCHAR), 'jsonb') AS JSON) AS "doc", CAST(lb_pg_json(CAST(CAST(lb_pg_json(CAST(events.doc AS VARCHAR), 'jsonb') AS JSON) -> 'a' AS VARCHAR), 'jsonb') AS JSON) AS a, raw, id
-- writes: events

-- case: RETURNING * reads a jsonb column as the table's view reads it
DELETE FROM events WHERE id = 1 RETURNING *
-- engine:
DELETE FROM lb_data."events" WHERE id = 1 RETURNING "id", CAST(lb_pg_json(CAST("doc" AS VARCHAR), 'jsonb') AS JSON) AS "doc", "raw"
-- writes: events
