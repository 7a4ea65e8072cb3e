-- Mathematical functions and operators (PostgreSQL documentation, 9.3), integer division and overflow.
-- setup
CREATE TABLE nums (id int, i int, b bigint, r real, d double precision, n numeric(10, 2));
INSERT INTO nums VALUES (1, 7, 10000000000, 1.5, 2.25, 3.50), (2, -3, -5, 0.1, 0.1, 0.25), (3, NULL, 0, NULL, NULL, NULL);
-- end setup
SELECT 2 + 3;
SELECT 2 - 3;
SELECT 2 * 3;
SELECT 5 / 2;
SELECT -5 / 2;
SELECT 5 % 4;
SELECT -5 % 4;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 5.0 / 2;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 2.0 ^ 3.0;
SELECT 2 ^ 3;
SELECT |/ 25.0;
SELECT ||/ 64.0;
SELECT @ -5.0;
SELECT 91 & 15, 32 | 3, 17 # 5, ~1, 1 << 4, 8 >> 2;
SELECT abs(-17.4);
SELECT cbrt(64.0);
SELECT ceil(42.2), ceil(-42.8);
SELECT ceiling(95.3);
SELECT degrees(0.5);
SELECT div(9, 4);
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT exp(1.0);
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT64]
SELECT factorial(5);
SELECT floor(42.8), floor(-42.8);
-- differs: column types: PostgreSQL [INT32, INT32], Lakebench [INT64, INT64]
SELECT gcd(1071, 462), lcm(1071, 462);
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT ln(2.0);
SELECT log(100);
SELECT log10(1000);
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT log(2.0, 64.0);
SELECT mod(9, 4);
SELECT pi();
SELECT power(9, 3);
SELECT radians(45.0);
SELECT round(42.4), round(42.5), round(-42.5);
SELECT round(42.4382, 2);
SELECT round(2.5::double precision);
SELECT scale(8.4100);
SELECT scale(42), min_scale(8.4100), scale(n) FROM nums WHERE id = 1;
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT32]
SELECT sign(-8.4);
SELECT sqrt(2);
SELECT trunc(42.8), trunc(-42.8);
SELECT trunc(42.4382, 2);
SELECT width_bucket(5.35, 0.024, 10.06, 5);
SELECT sin(1), cos(1), tan(1);
SELECT atan2(1, 1), asin(1), acos(0);
SELECT sind(30), cosd(60);
SELECT tand(45), cotd(45), sind(-30), cosd(180), tand(135), sind(270);
SELECT tand(90), cotd(0), tand(180), cotd(270);
SELECT sind(17.3), cosd(1000), tand(-400), cotd(1);
SELECT asind(0.5), acosd(0.5), atand(1), atan2d(1, 1), acosd(-0.5), asind(-1), asind(0.3);
SELECT id, sind(d * 10), cosd(r) FROM nums ORDER BY id;
SELECT sind('Infinity'::float8);
SELECT asind(2);
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 1 / 3.0;
SELECT 10 / 4 * 4;
-- differs: column types: PostgreSQL [INT32, OTHER], Lakebench [INT32, FLOAT64]
SELECT 7 / 2 AS half, 7.0 / 2 AS exact;
SELECT 2147483647 + 1;
SELECT 2147483647::int + 1;
SELECT 9223372036854775807 + 1;
SELECT 32767::smallint + 1::smallint;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 1 % 0;
SELECT 0.1 + 0.2;
SELECT 0.1::float8 + 0.2::float8;
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT 1e300 * 1e10;
-- differs: PostgreSQL fails (ERROR: value out of range: overflow), Lakebench answers
SELECT 1e300::float8 * 1e10::float8;
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8;
-- differs: column types: PostgreSQL [FLOAT64], Lakebench [FLOAT32]
SELECT 3.0::real / 7;
SELECT 1.0e-5::float8, 1.5e16::float8, 123456789012345678::float8;
SELECT id, i / 2, i % 2 FROM nums ORDER BY id;
SELECT id, b * 2 FROM nums ORDER BY id;
SELECT id, r FROM nums ORDER BY id;
SELECT id, d * 3 FROM nums ORDER BY id;
-- differs: column types: PostgreSQL [INT32, OTHER, OTHER], Lakebench [INT32, OTHER, FLOAT64]
SELECT id, n * 2, n / 3 FROM nums ORDER BY id;
SELECT id, r + d FROM nums ORDER BY id;
SELECT i * 1000000000 FROM nums WHERE id = 1;
SELECT random() < 1.0;
SELECT setseed(0.5) IS NULL;
-- Operators and functions written with the engine's functions.
SELECT |/ 2.25, ||/ 27, 5 # 3, 6 # 6;
SELECT div(-9, 4), div(9.5, 2);
SELECT width_bucket(-1, 0, 10, 5), width_bucket(10, 0, 10, 5), width_bucket(3, 10, 0, 5);
SELECT round(3.5::float8), round(-2.5::float8), round(-2.5), round(0.5::double precision);
