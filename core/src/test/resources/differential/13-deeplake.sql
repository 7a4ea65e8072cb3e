-- pg_deeplake's table forms: USING deeplake, its domain types (IMAGE, VIDEO, FILE are bytea; EMBEDDING is
-- real[], EMBEDDING_2D real[][]), schemas, ALTER TABLE, constraints, bytea functions. On PostgreSQL the
-- "postgres setup" lines stand in for the extension: a table access method named deeplake and the domains.
-- postgres setup
CREATE ACCESS METHOD deeplake TYPE TABLE HANDLER heap_tableam_handler;
CREATE DOMAIN image AS bytea;
CREATE DOMAIN video AS bytea;
CREATE DOMAIN file AS bytea;
CREATE DOMAIN embedding AS real[];
CREATE DOMAIN embedding_2d AS real[][];
-- end setup
CREATE TABLE public.items (id int PRIMARY KEY, title text NOT NULL, img image, doc file, emb embedding, multi embedding_2d, price numeric, meta jsonb) USING deeplake;
INSERT INTO items VALUES (1, 'red apple', '\x89504e47'::bytea, decode('SGVsbG8=', 'base64'), ARRAY[1, 0, 0]::float4[], ARRAY[[1, 0], [0, 1]]::float4[][], 1.50, '{"kind": "fruit"}');
INSERT INTO items VALUES (2, 'green pear', NULL, convert_to('plain text', 'UTF8'), ARRAY[0, 1, 0]::float4[], NULL, 123.456789, '{"kind": "fruit", "n": 2}');
INSERT INTO public.items (id, title, price) VALUES (3, 'blue car', 20000);
SELECT id, title FROM items ORDER BY id;
SELECT column_name::text, data_type::text, udt_name::text, is_nullable::text FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position;
SELECT column_name::text, domain_name::text FROM information_schema.columns WHERE table_name = 'items' AND column_name IN ('img', 'emb', 'multi', 'meta') ORDER BY ordinal_position;
SELECT table_schema::text, table_type::text, is_insertable_into::text FROM information_schema.tables WHERE table_name = 'items';
SELECT id, img, doc FROM items ORDER BY id;
SELECT id, length(img), octet_length(doc) FROM items ORDER BY id;
SELECT id, encode(doc, 'base64'), encode(img, 'hex') FROM items ORDER BY id;
SELECT convert_from(doc, 'UTF8') FROM items WHERE id = 2;
SELECT position('\x4e'::bytea IN img) FROM items WHERE id = 1;
SELECT id, emb FROM items ORDER BY id;
SELECT id, emb[2], array_length(emb, 1) FROM items ORDER BY id;
SELECT id FROM items WHERE emb = ARRAY[0, 1, 0]::float4[];
SELECT id, multi[2][2] FROM items ORDER BY id;
-- differs: values (in ORDER BY order): PostgreSQL [1, 1.50], Lakebench [1, 1.5]
SELECT id, price FROM items ORDER BY id;
SELECT sum(price) FROM items;
SELECT id, meta ->> 'kind', meta -> 'n' FROM items ORDER BY id;
SELECT id FROM items WHERE meta @> '{"n": 2}' ORDER BY id;
SELECT count(*) FROM public.items;
INSERT INTO items (id, title) VALUES (1, 'duplicate');
INSERT INTO items (id) VALUES (9);
UPDATE items SET title = upper(title) WHERE id = 3;
SELECT title FROM items WHERE id = 3;
DELETE FROM items WHERE id = 3;
SELECT count(*) FROM items;
ALTER TABLE items ADD COLUMN stock int DEFAULT 5;
SELECT id, stock FROM items ORDER BY id;
ALTER TABLE items ADD COLUMN IF NOT EXISTS stock int;
ALTER TABLE items ADD COLUMN photo image;
SELECT id, photo FROM items ORDER BY id;
ALTER TABLE items RENAME COLUMN stock TO qty;
SELECT id, qty FROM items ORDER BY id;
ALTER TABLE items DROP COLUMN qty;
ALTER TABLE items DROP COLUMN IF EXISTS qty;
-- differs: column types: PostgreSQL [INT32, TEXT, BINARY, BINARY, EMBEDDING, EMBEDDING, OTHER, TEXT, BINARY], Lakebench [INT32, TEXT, BINARY, BINARY, EMBEDDING, EMBEDDING_2D, OTHER, TEXT, BINARY]
SELECT * FROM items WHERE id = 2;
-- differs: Lakebench fails (A deeplake table keeps no table constraints, CHECK, REFERENCES, COLLATE or generated columns. Remove them; NOT NULL, DEFAULT, PRIMARY KEY and UNIQUE on a col...), PostgreSQL answers
CREATE TABLE checks (id int, n int CHECK (n > 0)) USING deeplake;
CREATE TABLE checked (id int, n int NOT NULL, code text UNIQUE) USING deeplake;
INSERT INTO checked VALUES (1, 5, 'a');
INSERT INTO checked VALUES (2, NULL, 'b');
INSERT INTO checked VALUES (3, 1, 'a');
SELECT id, n, code FROM checked ORDER BY id;
ALTER TABLE checked RENAME TO checked2;
SELECT count(*) FROM checked2;
CREATE SCHEMA other;
CREATE TABLE other.items (id int, label text);
INSERT INTO other.items VALUES (10, 'elsewhere');
SELECT id, label FROM other.items;
SELECT count(*) FROM items;
CREATE TABLE "my schema test" (id int);
INSERT INTO "my schema test" VALUES (1);
SELECT * FROM "my schema test";
SELECT '\x48656c6c6f'::bytea;
SELECT decode('48656c6c6f', 'hex'), encode('Hello'::bytea, 'base64');
SELECT length('\x0001ff'::bytea), md5('\x00'::bytea);
SELECT 'abc'::bytea;
SELECT get_byte('\x1234'::bytea, 1);
SELECT set_byte('\x1234'::bytea, 0, 255), set_byte('\x1234'::bytea, 1, 256);
SELECT get_byte('\x1234'::bytea, 2);
SELECT '\x1234'::bytea || '\x56'::bytea;
CREATE TABLE seq_t (id serial, name text) USING deeplake;
INSERT INTO seq_t (name) VALUES ('a'), ('b');
SELECT id, name FROM seq_t ORDER BY id;
DROP TABLE checked2;
SELECT count(*) FROM checked2;
DROP TABLE IF EXISTS checked2;
CREATE TABLE IF NOT EXISTS seq_t (id int);
INSERT INTO items (id, title, emb) SELECT g, 'gen ' || g, ARRAY[g, g, g]::float4[] FROM generate_series(10, 12) g;
SELECT id, emb FROM items WHERE id >= 10 ORDER BY id;
SELECT id, unnest(emb) FROM items WHERE id = 11;
SELECT id FROM items WHERE 1 = ANY(emb) ORDER BY id;
