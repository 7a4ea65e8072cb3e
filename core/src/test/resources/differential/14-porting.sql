-- Statements a PostgreSQL application brings along when it is ported: SERIAL keys, INSERT .. RETURNING,
-- upserts with ON CONFLICT, UPDATE .. FROM, ALTER TABLE, reports with string, date, aggregate and window
-- functions, and the casts client code relies on for its result types.
-- setup
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, age int, created date DEFAULT date '2024-01-01');
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id int NOT NULL, amount numeric(10, 2), placed timestamp, status text DEFAULT 'new');
INSERT INTO users (email, name, age, created) VALUES ('ann@example.com', 'Ann', 34, date '2023-05-01'), ('bob@example.com', 'Bob', 27, date '2023-07-15'), ('cy@example.com', NULL, NULL, date '2024-02-29');
INSERT INTO orders (user_id, amount, placed, status) VALUES (1, 19.99, timestamp '2024-03-01 10:15:00', 'paid'), (1, 5.00, timestamp '2024-03-02 08:00:00', 'paid'), (2, 120.50, timestamp '2024-03-02 21:30:00', 'new'), (2, 0.99, timestamp '2024-04-10 12:00:00', 'refunded'), (3, 42.00, NULL, 'new');
-- end setup
INSERT INTO users (email, name, age) VALUES ('dee@example.com', 'Dee', 41) RETURNING id;
INSERT INTO users (email, name, age) VALUES ('eve@example.com', 'Eve', 22), ('fay@example.com', 'Fay', 58) RETURNING id, email;
INSERT INTO users (email, name) VALUES ('gus@example.com', 'Gus') RETURNING *;
INSERT INTO users (email, name, age) VALUES ('ann@example.com', 'Ann B', 35) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, age = EXCLUDED.age;
SELECT id, email, name, age FROM users WHERE email = 'ann@example.com';
INSERT INTO users (email, name) VALUES ('bob@example.com', 'Robert') ON CONFLICT (email) DO NOTHING;
INSERT INTO users (email, name) VALUES ('bob@example.com', 'Robert') ON CONFLICT DO NOTHING;
SELECT name FROM users WHERE email = 'bob@example.com';
INSERT INTO users (email, name, age) VALUES ('cy@example.com', 'Cy', 19) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name WHERE users.name IS NULL RETURNING id, name;
INSERT INTO users (email, name, age) VALUES ('hal@example.com', 'Hal', 30) ON CONFLICT (email) DO UPDATE SET age = users.age + 1 RETURNING id, age;
INSERT INTO users (email, name, age) VALUES ('hal@example.com', 'Hal', 30) ON CONFLICT (email) DO UPDATE SET age = users.age + 1 RETURNING id, age;
INSERT INTO users (email) VALUES ('ann@example.com');
UPDATE users SET age = age + 1 WHERE name = 'Bob' RETURNING id, age;
UPDATE users SET name = upper(name) WHERE id > 100 RETURNING id;
UPDATE orders SET status = 'vip' FROM users WHERE users.id = orders.user_id AND users.age > 40;
SELECT id, status FROM orders ORDER BY id;
UPDATE orders o SET status = 'old' FROM users u WHERE u.id = o.user_id AND u.created < date '2023-06-01' RETURNING o.id, o.status;
DELETE FROM orders WHERE status = 'refunded' RETURNING id, amount;
DELETE FROM orders USING users WHERE users.id = orders.user_id AND users.email = 'cy@example.com';
SELECT count(*) FROM orders;
ALTER TABLE users ADD COLUMN active boolean DEFAULT true;
SELECT id, active FROM users ORDER BY id LIMIT 3;
ALTER TABLE users ADD COLUMN IF NOT EXISTS active boolean;
ALTER TABLE users RENAME COLUMN name TO full_name;
SELECT full_name FROM users WHERE id = 2;
ALTER TABLE users DROP COLUMN active;
ALTER TABLE users DROP COLUMN IF EXISTS active;
ALTER TABLE users ALTER COLUMN age SET DEFAULT 18;
ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
INSERT INTO users (email, full_name) VALUES ('ivy@example.com', 'Ivy') RETURNING age;
SELECT count(*), count(age), count(DISTINCT age) FROM users;
-- differs: values (in ORDER BY order): PostgreSQL [Cy, 0, 0], Lakebench [Cy, 0, 0.00]
SELECT u.full_name, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.full_name ORDER BY total DESC, u.full_name;
SELECT user_id, sum(amount) FROM orders GROUP BY user_id HAVING sum(amount) > 10 ORDER BY user_id;
SELECT user_id, max(amount), min(amount) FROM orders GROUP BY 1 ORDER BY 1;
SELECT status, count(*) FILTER (WHERE amount > 10) AS big FROM orders GROUP BY status ORDER BY status;
SELECT string_agg(email, ', ' ORDER BY email) FROM users WHERE id < 4;
SELECT array_agg(id ORDER BY id DESC) FROM users WHERE id < 4;
SELECT bool_and(age > 18), bool_or(age > 50) FROM users;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY age) FROM users;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY age) FROM users;
SELECT mode() WITHIN GROUP (ORDER BY status) FROM orders;
SELECT id, full_name, row_number() OVER (ORDER BY id) FROM users ORDER BY id LIMIT 4;
SELECT id, age, rank() OVER (ORDER BY age DESC NULLS LAST), dense_rank() OVER (ORDER BY age DESC NULLS LAST) FROM users ORDER BY id;
SELECT id, amount, sum(amount) OVER (ORDER BY id) AS running FROM orders ORDER BY id;
-- differs: values (in ORDER BY order): PostgreSQL [2, 1, 5.00, 19.99, 0], Lakebench [2, 1, 5.00, 19.99, 0.00]
SELECT id, user_id, amount, lag(amount) OVER (PARTITION BY user_id ORDER BY id), lead(amount, 1, 0) OVER (PARTITION BY user_id ORDER BY id) FROM orders ORDER BY id;
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM users WINDOW w AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id LIMIT 3;
SELECT id, count(*) OVER (PARTITION BY user_id) FROM orders ORDER BY id;
SELECT id, percent_rank() OVER (ORDER BY id), cume_dist() OVER (ORDER BY id) FROM users ORDER BY id LIMIT 3;
SELECT * FROM (SELECT id, user_id, row_number() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) t WHERE rn = 1 ORDER BY user_id;
WITH totals AS (SELECT user_id, sum(amount) AS total FROM orders GROUP BY user_id) SELECT u.email, t.total FROM users u JOIN totals t ON t.user_id = u.id ORDER BY u.email;
WITH RECURSIVE days(d) AS (SELECT date '2024-03-01' UNION ALL SELECT d + 1 FROM days WHERE d < date '2024-03-04') SELECT d FROM days ORDER BY d;
-- differs: values: PostgreSQL [a1t, a-b], Lakebench [a1true, a-b]
SELECT concat('a', 1, NULL, true), concat_ws('-', 'a', NULL, 'b');
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5);
SELECT substr('hello world', 7), substr('hello world', 1, 5), substring('hello' FROM 2 FOR 3);
-- differs: values: PostgreSQL [àbc, STRAßE, 3], Lakebench [àbc, STRAẞE, 3]
SELECT lower('ÀBC'), upper('straße'), length('ÀBC');
SELECT repeat('ab', 3), reverse('abc'), left('hello', -2), right('hello', 2);
SELECT md5('abc');
SELECT regexp_replace('a1b22c333', '[0-9]+', '#', 'g'), regexp_replace('a1b22c333', '[0-9]+', '#');
SELECT starts_with('postgres', 'post'), 'abc' ~ '^a', 'ABC' ~* 'b', 'abc' !~ 'z';
SELECT translate('12345', '143', 'ax'), ascii('A'), chr(65);
SELECT string_to_array('a,b,,c', ','), array_to_string(ARRAY['a', NULL, 'c'], ',', '*');
SELECT email FROM users WHERE email ILIKE 'A%' OR email LIKE '%@example.org';
SELECT trim('  x  '), ltrim('xxaxx', 'x'), rtrim('xxaxx', 'x'), trim(BOTH 'x' FROM 'xxaxx');
SELECT 'id:' || 42 || ':' || 1.5;
SELECT lpad('7', 3, '0'), rpad('ab', 4, '.');
-- differs: column types: PostgreSQL [OTHER, OTHER], Lakebench [INT64, INT64]
SELECT extract(year FROM date '2024-02-29'), extract(month FROM timestamp '2024-02-29 10:00:00');
SELECT date_part('dow', date '2024-03-03'), date_part('doy', date '2024-03-03');
SELECT date '2024-01-31' + interval '1 month', date '2024-03-01' - interval '1 day';
SELECT date '2024-03-01' - date '2024-01-01', date '2024-03-01' + 7, date '2024-03-01' - 1;
SELECT age(timestamp '2024-03-01', timestamp '2023-01-15');
SELECT date_trunc('day', timestamp '2024-03-02 21:30:00'), date_trunc('hour', timestamp '2024-03-02 21:30:00');
SELECT user_id, date_trunc('month', placed) AS m, count(*) FROM orders GROUP BY user_id, m ORDER BY user_id, m;
SELECT to_char(timestamp '2024-03-02 21:30:00', 'YYYY-MM-DD HH24:MI'), to_char(1234.5, 'FM9999.00');
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT extract(epoch FROM timestamp '2024-01-01 00:00:00');
SELECT timestamp '2024-03-02 21:30:00' - timestamp '2024-03-01 10:00:00';
SELECT make_date(2024, 2, 29), make_timestamp(2024, 2, 29, 12, 30, 0);
SELECT '2024-03-01'::date, '2024-03-01 10:00'::timestamp, '42'::int, '42'::bigint, '3.25'::numeric, '1e3'::float8;
SELECT 42::text, 1.5::text, true::text, date '2024-03-01'::text;
SELECT CAST(amount AS int), amount::float8, amount::text FROM orders WHERE id = 1;
SELECT id::text || '-' || user_id FROM orders ORDER BY id LIMIT 1;
SELECT coalesce(NULL, 'x'), nullif(1, 1), nullif(1, 2), greatest(1, 5, 3), least('b', 'a');
SELECT CASE WHEN age IS NULL THEN 'unknown' WHEN age < 30 THEN 'young' ELSE 'older' END AS bucket, count(*) FROM users GROUP BY 1 ORDER BY 1;
SELECT id FROM users WHERE age BETWEEN 20 AND 30 ORDER BY id;
SELECT id FROM users WHERE id = ANY (ARRAY[1, 3]) ORDER BY id;
SELECT id FROM users WHERE full_name IS DISTINCT FROM 'Ann B' ORDER BY id;
SELECT count(*) FROM users WHERE created >= date '2024-01-01';
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT round(avg(amount), 2) FROM orders;
SELECT round(12.345, 1), round(12.5), trunc(12.345, 2), ceil(12.1), floor(-12.1);
SELECT sum(age), avg(age)::numeric(10, 2), max(age) FROM users;
SELECT count(*)::int FROM users;
-- differs: column types: PostgreSQL [INT32, OTHER, INT32, FLOAT64, FLOAT64], Lakebench [INT32, FLOAT64, INT32, FLOAT64, FLOAT64]
SELECT 10 / 4, 10 / 4.0, 10 % 4, 10::float8 / 4, 2 ^ 10;
-- differs: column types: PostgreSQL [INT32, OTHER, FLOAT64, FLOAT64, INT32], Lakebench [INT32, INT32, FLOAT64, FLOAT64, INT32]
SELECT abs(-5), sign(-3.2), sqrt(16), power(2, 3), mod(10, 3);
SELECT random() < 1.0;
-- differs: column types: PostgreSQL [OTHER, OTHER, OTHER, OTHER], Lakebench [TEXT, TEXT, TEXT, TEXT]
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(1::bigint);
SELECT u.id, o.id FROM users u JOIN orders o ON o.user_id = u.id WHERE o.amount = (SELECT max(amount) FROM orders o2 WHERE o2.user_id = u.id) ORDER BY u.id;
SELECT id FROM users ORDER BY id DESC LIMIT 2 OFFSET 1;
SELECT json_build_object('id', id, 'email', email) FROM users WHERE id = 1;
SELECT jsonb_build_object('n', 1)->>'n', '{"a": {"b": 2}}'::jsonb #>> '{a,b}', '{"a": [1, 2]}'::jsonb -> 'a' -> 1;
SELECT row_to_json(t) FROM (SELECT 1 AS a, 'x' AS b) t;
SELECT json_agg(email ORDER BY email) FROM users WHERE id < 3;
CREATE TABLE user_copy AS SELECT id, email FROM users WHERE id < 3;
SELECT * FROM user_copy ORDER BY id;
CREATE VIEW paid AS SELECT id, amount FROM orders WHERE status = 'paid';
SELECT * FROM paid ORDER BY id;
-- differs: column names: PostgreSQL [], Lakebench [index, table, column, type, status]
CREATE INDEX orders_user_idx ON orders (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_idx ON users (email);
TRUNCATE user_copy;
SELECT count(*) FROM user_copy;
INSERT INTO user_copy SELECT id, email FROM users WHERE id > 5 ORDER BY id;
SELECT count(*) FROM user_copy;
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
INSERT INTO orders (user_id, amount) VALUES (2, 1.00) RETURNING status;
ALTER TABLE orders ALTER status SET DEFAULT 'pending', ALTER COLUMN amount SET NOT NULL;
INSERT INTO orders (user_id, amount) VALUES (2, 2.00) RETURNING status;
INSERT INTO orders (user_id) VALUES (2);
ALTER TABLE orders ALTER COLUMN amount DROP NOT NULL;
INSERT INTO orders (user_id) VALUES (2) RETURNING amount, status;
ALTER TABLE orders ALTER COLUMN placed SET NOT NULL;
CREATE TABLE tags (id int, name text);
INSERT INTO tags VALUES (1, 'a'), (2, 'b');
CREATE UNIQUE INDEX tags_name_idx ON tags (name);
INSERT INTO tags VALUES (3, 'a');
INSERT INTO tags VALUES (3, 'c') ON CONFLICT (name) DO NOTHING;
INSERT INTO tags VALUES (4, 'a') ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id;
SELECT id, name FROM tags ORDER BY name;
CREATE UNIQUE INDEX IF NOT EXISTS tags_name_idx ON tags (name);
CREATE UNIQUE INDEX ON tags USING btree (id DESC);
INSERT INTO tags VALUES (4, 'z');
ALTER TABLE tags ADD COLUMN note text;
INSERT INTO tags (id, name) VALUES (5, 'b');
DROP INDEX tags_name_idx;
INSERT INTO tags VALUES (5, 'a');
INSERT INTO tags VALUES (6, 'q', 'note'), (7, 'r');
INSERT INTO tags VALUES (8);
SELECT id, name, note FROM tags WHERE id > 5 ORDER BY id;
SELECT count(*) FROM tags;
DROP VIEW paid;
DROP TABLE IF EXISTS user_copy;
DROP TABLE IF EXISTS user_copy;
