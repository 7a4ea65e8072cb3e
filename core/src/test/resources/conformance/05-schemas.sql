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
