-- @> on text is containment of a keyword (the engine's contains); other operands keep @>.

-- case: a text column
SELECT id FROM docs WHERE body @> 'red'
-- engine:
SELECT id FROM docs WHERE contains(body , 'red')

-- case: a string literal on the left
SELECT 'red apple' @> 'red'
-- engine:
SELECT contains('red apple' , 'red') AS "?column?"

-- case: a non-text column keeps the operator
SELECT id FROM docs WHERE price @> 3
-- engine:
SELECT id FROM docs WHERE price @> 3

-- case: a column of another table keeps the operator
SELECT * FROM other_table WHERE tags @> ARRAY['a']
-- engine:
SELECT * FROM other_table WHERE tags @> ARRAY['a']
