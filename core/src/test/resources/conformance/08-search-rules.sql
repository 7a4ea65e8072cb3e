-- pg_deeplake's rules for search operators: ordering without a direction, BM25 returns matching rows only.
-- source: pg_deeplake

-- setup
CREATE TABLE documents (id SERIAL PRIMARY KEY, title text, content text, tags text, category text) USING deeplake;
INSERT INTO documents (title, content, tags, category) VALUES
  ('Machine Learning Basics', 'Introduction to machine learning algorithms and techniques', 'machine learning algorithms introduction', 'AI'),
  ('Data Science Guide', 'Comprehensive guide to data science methodologies', 'data science guide methodologies', 'Data Science'),
  ('AI and Neural Networks', 'Deep dive into artificial intelligence and neural networks', 'artificial intelligence neural networks deep learning', 'AI'),
  ('Python Programming', 'Learn Python programming from basics to advanced', 'python programming tutorial advanced', 'Programming'),
  ('Database Design', 'Principles of database design and optimization', 'database design optimization sql', 'Data Science');
CREATE TABLE vectors (id int, emb EMBEDDING) USING deeplake;
INSERT INTO vectors VALUES (1, ARRAY[1, 0, 0]::float4[]), (2, ARRAY[0.8, 0.6, 0]::float4[]), (3, ARRAY[0, 0, 1]::float4[]),
  (4, ARRAY[0, 1, 0]::float4[]);

-- case: BM25 order without a direction returns only the matching document (pg_deeplake does not stem: Learn is not learning)
SELECT id, title FROM documents ORDER BY content <#> 'machine learning algorithms' LIMIT 3;
-- expect
id|title
1|Machine Learning Basics

-- case: BM25 order with DESC also returns matching documents only
SELECT id FROM documents ORDER BY content <#> 'algorithms' DESC LIMIT 3;
-- expect
id
1

-- case: BM25 matching several documents ranks them best first
SELECT id FROM documents ORDER BY tags <#> 'learning' LIMIT 5;
-- expect
id
1
3

-- case: BM25 order by a score alias without a direction
SELECT id FROM (SELECT id, content <#> 'python' AS score FROM documents ORDER BY score LIMIT 3) s;
-- expect
id
4

-- case: vector order without a direction is most similar first
SELECT id FROM vectors ORDER BY emb <#> ARRAY[1, 0, 0]::float4[] LIMIT 2;
-- expect
id
1
2

-- case: vector order without a direction with a bound query
SELECT id FROM vectors ORDER BY emb <#> $1 LIMIT 2;
-- params: {0,1,0}
-- expect
id
4
2

-- case: an explicit ASC stays ascending
SELECT id FROM vectors ORDER BY emb <#> ARRAY[1, 0, 0]::float4[] ASC, id LIMIT 2;
-- expect
id
3
4

-- case: ordering by a score alias without a direction is most similar first
SELECT id, emb <#> ARRAY[0, 0, 1]::float4[] AS score FROM vectors ORDER BY score LIMIT 1;
-- expect
id|score
3|1

-- case: the seed's form with DESC is unchanged
SELECT id FROM vectors ORDER BY emb <#> ARRAY[0, 1, 0]::float4[] DESC LIMIT 1;
-- expect
id
4

-- case: contains() and @> filter text
SELECT id FROM documents WHERE contains(tags, 'machine') ORDER BY id;
-- expect
id
1

-- case: exact match with = on text
SELECT id FROM documents WHERE tags = 'python programming tutorial advanced';
-- expect
id
4

-- case: a filter without an index
SELECT count(*) FROM documents WHERE category = 'AI';
-- expect
count
2

-- case: BM25 scores are pg_deeplake's (its regression test expects 5.057182, 1.8425648, 1.6849195)
CREATE TABLE kw (id SERIAL PRIMARY KEY, keywords text) USING deeplake;
INSERT INTO kw (keywords) VALUES ('machine learning algorithms introduction'), ('data science guide methodologies'),
  ('artificial intelligence neural networks deep learning'), ('python programming tutorial advanced'),
  ('database design optimization principles'), ('nlp natural language processing ai'),
  ('cloud computing infrastructure distributed systems'), ('computer vision image recognition object detection'),
  ('big data architecture scalability'), ('reinforcement learning agents decision making'),
  ('devops automation ci/cd pipelines'), ('cybersecurity threats vulnerabilities protection'),
  ('edge computing low latency data processing'), ('graph databases relationships queries'),
  ('quantum computing algorithms qubits'), ('explainable ai model interpretability'),
  ('time series analysis forecasting temporal'), ('generative models gans vae synthetic data'),
  ('feature engineering model performance'), ('model deployment production environments'),
  ('ai ethics ethical considerations'), ('data privacy principles techniques'), ('robotics automation ai integration'),
  ('ai-driven decision making complex processes'), ('ai in healthcare medical research'),
  ('ai in finance banking financial services');
SELECT id, round(keywords <#> 'machine learning', 5) AS score FROM kw ORDER BY keywords <#> 'machine learning' LIMIT 10;
-- expect
id|score
1|5.05718
10|1.84256
3|1.68492
