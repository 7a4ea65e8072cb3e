-- String functions and operators (PostgreSQL documentation, 9.4).
-- setup
CREATE TABLE words (id int, w text, c varchar(10));
INSERT INTO words VALUES (1, 'Hello', 'abc'), (2, 'world', 'xyz'), (3, NULL, NULL), (4, '', 'a b');
-- end setup
SELECT 'Post' || 'greSQL';
SELECT 'Value: ' || 42;
SELECT 'a' || NULL;
SELECT bit_length('jose'), char_length('jose'), character_length('jose'), octet_length('josé');
SELECT lower('TOM'), upper('tom');
SELECT initcap('hi THOMAS');
SELECT overlay('Txxxxas' placing 'hom' from 2 for 4);
SELECT position('om' in 'Thomas');
SELECT substring('Thomas' from 2 for 3);
SELECT substring('Thomas' from 3);
SELECT substring('Thomas' for 2);
SELECT substr('alphabet', 3, 2);
SELECT substr('alphabet', 3);
SELECT trim(both 'xyz' from 'yxTomxx');
SELECT trim(leading 'x' from 'xxTomxx'), trim(trailing 'x' from 'xxTomxx');
SELECT trim('  Tom  ');
SELECT btrim('xyxtrimyyx', 'xyz');
SELECT ltrim('zzzytest', 'xyz'), rtrim('testxxzx', 'xyz');
SELECT ascii('x');
SELECT chr(65);
SELECT concat('abcde', 2, NULL, 22);
SELECT concat_ws(',', 'abcde', 2, NULL, 22);
SELECT format('Hello %s, %1$s', 'World');
SELECT format('INSERT INTO %I VALUES(%L)', 'Foo bar', E'O\'Reilly');
SELECT left('abcde', 2), right('abcde', 2);
SELECT left('abcde', -2), right('abcde', -2);
SELECT length('jose');
SELECT lpad('hi', 5, 'xy'), rpad('hi', 5, 'xy');
SELECT lpad('hi', 5);
SELECT lpad('hello', 3);
SELECT md5('abc');
SELECT repeat('Pg', 4);
SELECT replace('abcdefabcdef', 'cd', 'XX');
SELECT reverse('abcde');
SELECT split_part('abc~@~def~@~ghi', '~@~', 2);
SELECT split_part('abc,def,ghi', ',', -1);
SELECT starts_with('alphabet', 'alph');
SELECT strpos('high', 'ig');
SELECT translate('12345', '143', 'ax');
SELECT to_hex(2147483647);
SELECT quote_ident('Foo bar'), quote_literal(E'O\'Reilly');
SELECT string_to_array('xx~~yy~~zz', '~~');
SELECT array_to_string(ARRAY[1, 2, 3, NULL, 5], ',', '*');
SELECT 'abc' < 'abd', 'B' < 'a';
SELECT id, upper(w), length(w) FROM words ORDER BY id;
SELECT id, w || '!' FROM words ORDER BY id;
SELECT id, c, length(c) FROM words ORDER BY id;
SELECT w FROM words ORDER BY w;
SELECT w FROM words ORDER BY w DESC;
SELECT 'abc'::char(5) || 'x';
-- differs: values: PostgreSQL [3], Lakebench [5]
SELECT length('abc  '::char(5));
SELECT E'a\tb', E'line\\n';
SELECT $$dollar 'quoted'$$;
-- differs: Lakebench fails (Referenced column "U" was not found because the FROM clause is missing. Check column names and argument types), PostgreSQL answers
SELECT U&'d\0061t\+000061';
SELECT 'a' 'b';
-- format() and quoting, beyond the documentation's examples.
SELECT format('|%10s|%-10s|', 'ab', 'cd'), format('%s %s', 1, NULL), format('%L', NULL), format('100%%'), format('%2$s %s', 'a', 'b', 'c');
SELECT format('%I', 'select'), format('%I', 'ok_name'), quote_literal(E'a\\b'), quote_nullable(NULL), quote_nullable('x');
SELECT initcap('o''neil-smith 2nd'), initcap(NULL);
SELECT format('%s %s', 'a');
SELECT octet_length('ab'), octet_length('€');
SELECT position('x' in 'Thomas'), json_array_length('[]');
