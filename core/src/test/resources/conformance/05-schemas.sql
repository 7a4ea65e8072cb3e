-- Schemas: public as the default, created schemas, quoted schema names, search_path.
-- source: postgresql

-- setup
CREATE TABLE public.animals (id int, name text);
INSERT INTO public.animals VALUES (1, 'cat');
CREATE SCHEMA zoo;
CREATE TABLE zoo.animals (id int, name text);
INSERT INTO zoo.animals VALUES (1, 'lion'), (2, 'bear');
CREATE SCHEMA "my schema";
CREATE TABLE "my schema".t (x int);
INSERT INTO "my schema".t VALUES (42);
CREATE TABLE typed (id int, name text, big bigint, small smallint, score double precision, ratio real, ok boolean, doc jsonb, raw json, at timestamp, atz timestamptz, day date, tags text[], price numeric(10,2), amount numeric, data bytea, u uuid);

-- case: a table in public is the unqualified table
SELECT name FROM animals;
-- expect
name
cat

-- case: public.t qualifies it
SELECT name FROM public.animals;
-- expect
name
cat

-- case: the same name in two schemas holds two tables
SELECT count(*) FROM zoo.animals;
-- expect
count
2

-- case: a quoted schema name
SELECT x FROM "my schema".t;
-- expect
x
42

-- case: information_schema.tables lists the user's tables, public ones in public
SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema, table_name;
-- expect
table_schema|table_name|table_type
my schema|t|BASE TABLE
public|animals|BASE TABLE
public|typed|BASE TABLE
zoo|animals|BASE TABLE

-- case: information_schema.columns names types as PostgreSQL does
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'typed' ORDER BY ordinal_position;
-- expect
column_name|data_type|udt_name
id|integer|int4
name|text|text
big|bigint|int8
small|smallint|int2
score|double precision|float8
ratio|real|float4
ok|boolean|bool
doc|jsonb|jsonb
raw|json|json
at|timestamp without time zone|timestamp
atz|timestamp with time zone|timestamptz
day|date|date
tags|ARRAY|_text
price|numeric|numeric
amount|numeric|numeric
data|bytea|bytea
u|uuid|uuid

-- case: information_schema.columns holds only the user's columns
SELECT table_schema, table_name, count(*) FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY 1, 2 ORDER BY 1, 2;
-- expect
table_schema|table_name|count
my schema|t|1
public|animals|2
public|typed|17
zoo|animals|2

-- case: search_path picks the schema of unqualified names
SET search_path = zoo, public;
SELECT name FROM animals ORDER BY id;
-- expect
name
lion
bear

-- case[local]: a table in a schema that does not exist is refused with PostgreSQL's message
CREATE TABLE nowhere.t (id int) USING deeplake;
-- error: schema "nowhere" does not exist

-- case[local]: USING deeplake in another schema makes a table of that schema
CREATE TABLE zoo.keepers (id int, name text) USING deeplake;
INSERT INTO zoo.keepers VALUES (1, 'ann');
SELECT name FROM zoo.keepers;
-- expect
name
ann
