-- Statements without dialect constructs reach the engine as written (parameters renumbered densely).

-- case: a plain query is unchanged
SELECT id, title FROM docs WHERE price > 3 ORDER BY id LIMIT 5
-- engine:
SELECT id, title FROM docs WHERE price > 3 ORDER BY id LIMIT 5

-- case: parameters keep their order
SELECT $2, $1 FROM docs
-- engine:
SELECT $1 AS "?column?", $2 AS "?column?" FROM docs

-- case: a non-Lakebench table is the engine's
SELECT * FROM other_table WHERE x = 1
-- engine:
SELECT * FROM other_table WHERE x = 1

-- case: DDL of other objects passes through
CREATE VIEW v AS SELECT 1
-- engine:
CREATE VIEW v AS SELECT 1
