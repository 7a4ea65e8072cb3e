-- Schema evolution with ALTER TABLE.
-- source: postgresql

-- setup
CREATE TABLE people (id int, name text);
INSERT INTO people VALUES (1, 'ann'), (2, 'bob');

-- case: ADD COLUMN with a DEFAULT fills existing rows
ALTER TABLE people ADD COLUMN age int DEFAULT 30;
SELECT id, name, age FROM people ORDER BY id;
-- expect
id|name|age
1|ann|30
2|bob|30

-- case: ADD COLUMN without a default gives NULL, and the column takes writes
ALTER TABLE people ADD COLUMN note text;
UPDATE people SET note = 'hi' WHERE id = 2;
SELECT id, note FROM people ORDER BY id;
-- expect
id|note
1|
2|hi

-- case: ADD COLUMN IF NOT EXISTS on an existing column does nothing
ALTER TABLE people ADD COLUMN IF NOT EXISTS note text;
SELECT count(*) FROM people;
-- expect
count
2

-- case: ADD of a float4[] column, then vectors written into it
ALTER TABLE people ADD COLUMN emb float4[];
UPDATE people SET emb = ARRAY[1, 0]::float4[] WHERE id = 1;
SELECT id, emb FROM people ORDER BY id;
-- expect
id|emb
1|{1,0}
2|

-- case: RENAME COLUMN
ALTER TABLE people RENAME COLUMN note TO remark;
SELECT remark FROM people WHERE id = 2;
-- expect
remark
hi

-- case: DROP COLUMN
ALTER TABLE people DROP COLUMN remark;
SELECT * FROM people ORDER BY id;
-- expect
id|name|age|emb
1|ann|30|{1,0}
2|bob|30|

-- case: DROP COLUMN IF EXISTS of a missing column does nothing
ALTER TABLE people DROP COLUMN IF EXISTS nothing_here;
SELECT count(*) FROM people;
-- expect
count
2

-- case: RENAME TO
ALTER TABLE people RENAME TO persons;
SELECT name FROM persons ORDER BY id;
-- expect
name
ann
bob

-- case: ALTER TABLE IF EXISTS of a missing table does nothing
ALTER TABLE IF EXISTS nowhere ADD COLUMN x int;
SELECT count(*) FROM persons;
-- expect
count
2

-- case[local]: DROP COLUMN of a missing column names it
ALTER TABLE persons DROP COLUMN missing;
-- error: column "missing" of relation "persons" does not exist

-- case[local]: ADD COLUMN of an existing column names it
ALTER TABLE persons ADD COLUMN name text;
-- error: column "name" of relation "persons" already exists
