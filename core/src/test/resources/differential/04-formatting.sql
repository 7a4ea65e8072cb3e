-- Data type formatting functions (PostgreSQL documentation, 9.8).
-- differs: Lakebench fails (No function matches the given name and argument types 'strftime(INTEGER_LITERAL, STRING_LITERAL)'), PostgreSQL answers
SELECT to_char(125, '999');
-- differs: Lakebench fails (to_char() is not supported by the local engine. Write strftime(ts, '%Y-%m-%d %H:%M:%S') instead), PostgreSQL answers
SELECT to_char(-125.8, '999D99S');
-- differs: Lakebench fails (No function matches the given name and argument types 'strftime(INTEGER_LITERAL, STRING_LITERAL)'), PostgreSQL answers
SELECT to_char(1485, '9,999');
-- differs: Lakebench fails (to_char() is not supported by the local engine. Write strftime(ts, '%Y-%m-%d %H:%M:%S') instead), PostgreSQL answers
SELECT to_char(0.1, 'FM0.00');
-- differs: Lakebench fails (to_char() is not supported by the local engine. Write strftime(ts, '%Y-%m-%d %H:%M:%S') instead), PostgreSQL answers
SELECT to_char(12.5, 'FM999.00');
SELECT to_char(timestamp '2002-04-20 17:31:12.66', 'HH12:MI:SS');
SELECT to_char(timestamp '2002-04-20 17:31:12', 'YYYY-MM-DD HH24:MI:SS');
SELECT to_char(date '2024-03-05', 'DD/MM/YYYY');
SELECT to_char(date '2024-03-05', 'Mon DD, YYYY');
-- differs: Lakebench fails (to_char() is not supported by the local engine. Write strftime(ts, '%Y-%m-%d %H:%M:%S') instead), PostgreSQL answers
SELECT to_char(date '2024-03-05', 'FMMonth DD');
-- differs: values: PostgreSQL [Tuesday  ], Lakebench [Tuesday]
SELECT to_char(date '2024-03-05', 'Day');
-- differs: Lakebench fails (No function matches the given name and argument types 'strftime(INTERVAL, STRING_LITERAL)'), PostgreSQL answers
SELECT to_char(interval '15h 2m 12s', 'HH24:MI:SS');
-- differs: Lakebench fails (to_date() is not supported by the local engine
SELECT to_date('05 Dec 2000', 'DD Mon YYYY');
-- differs: Lakebench fails (to_date() is not supported by the local engine
SELECT to_date('2000-12-05', 'YYYY-MM-DD');
-- differs: Lakebench fails (No function matches the given name and argument types 'to_timestamp(STRING_LITERAL, STRING_LITERAL)'), PostgreSQL answers
SELECT to_timestamp('05 Dec 2000 10:11', 'DD Mon YYYY HH24:MI');
-- differs: Lakebench fails (to_number() is not supported by the local engine
SELECT to_number('12,454.8-', '99G999D9S');
SELECT to_timestamp(0);
SELECT to_char(now(), 'YYYY') = extract(year FROM now())::text;
