-- Date/time functions and operators (PostgreSQL documentation, 9.9).
-- setup
CREATE TABLE events (id int, d date, ts timestamp, dur interval);
INSERT INTO events VALUES (1, '2024-01-31', '2024-01-31 10:30:00', '1 day'), (2, '2024-02-29', '2024-02-29 23:59:59.5', '2 hours'), (3, NULL, NULL, NULL);
-- end setup
SELECT date '2001-09-28' + 7;
SELECT date '2001-09-28' + interval '1 hour';
SELECT date '2001-09-28' + time '03:00';
SELECT interval '1 day' + interval '1 hour';
SELECT timestamp '2001-09-28 01:00' + interval '23 hours';
SELECT time '01:00' + interval '3 hours';
SELECT - interval '23 hours';
SELECT date '2001-10-01' - date '2001-09-28';
SELECT date '2001-10-01' - 7;
SELECT date '2001-09-28' - interval '1 hour';
SELECT timestamp '2001-09-29 03:00' - timestamp '2001-07-27 12:00';
SELECT 900 * interval '1 second';
SELECT 21 * interval '1 day';
SELECT interval '1 hour' / 1.5;
SELECT interval '1 month' / 7, '3 days'::interval / 2, (interval '1 day' + interval '1 hour') / 5;
SELECT interval '1 month 3 days' * 1.5, 0.3 * interval '1 day';
SELECT interval '1 hour' / 0;
SELECT id, dur / 2, dur * 1.5 FROM events ORDER BY id;
SELECT age(timestamp '2001-04-10', timestamp '1957-06-13');
SELECT date_part('hour', timestamp '2001-02-16 20:38:40');
SELECT date_part('month', interval '2 years 3 months');
SELECT date_trunc('hour', timestamp '2001-02-16 20:38:40');
-- differs: values: PostgreSQL [2001-02-01 00:00:00+00], Lakebench [2001-02-01 00:00:00]
SELECT date_trunc('month', date '2001-02-16');
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT64]
SELECT extract(year FROM timestamp '2001-02-16 20:38:40');
-- differs: column types: PostgreSQL [OTHER, OTHER], Lakebench [INT64, INT64]
SELECT extract(dow FROM date '2024-03-05'), extract(doy FROM date '2024-03-05');
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT extract(epoch FROM timestamp '2001-02-16 20:38:40');
-- differs: column types: PostgreSQL [OTHER], Lakebench [FLOAT64]
SELECT extract(epoch FROM interval '5 days 3 hours');
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT64]
SELECT extract(hour FROM time '17:12:28');
-- differs: column types: PostgreSQL [OTHER], Lakebench [INT64]
SELECT extract(day FROM interval '40 days 1 minute');
SELECT isfinite(date '2001-02-16');
SELECT justify_days(interval '35 days'), justify_hours(interval '27 hours');
SELECT make_date(2013, 7, 15);
SELECT make_time(8, 15, 23.5);
SELECT make_timestamp(2013, 7, 15, 8, 15, 23.5);
SELECT make_interval(days => 10);
SELECT '2000-01-01'::date + (3 || ' days')::interval;
SELECT '2000-01-01'::date + i FROM generate_series(0, 2) AS i ORDER BY 1;
SELECT (date '2001-02-16', date '2001-12-21') OVERLAPS (date '2001-10-30', date '2002-10-30');
SELECT (date '2001-02-16', interval '100 days') OVERLAPS (date '2001-10-30', date '2002-10-30') AS o;
SELECT (date '2001-01-01', date '2001-02-01') OVERLAPS (date '2001-02-01', date '2001-03-01');
SELECT (date '2001-03-01', date '2001-01-01') OVERLAPS (date '2001-02-01', date '2001-02-01');
SELECT (NULL::date, date '2001-02-01') OVERLAPS (date '2001-01-01', NULL::date);
SELECT (timestamp '2001-02-16 10:00', NULL::timestamp) OVERLAPS (timestamp '2001-02-16 09:00', timestamp '2001-02-16 11:00');
SELECT now() >= current_timestamp - interval '1 minute';
SELECT current_date = now()::date;
SELECT timestamp '2024-03-05 10:00:00';
SELECT timestamp '2024-03-05 10:00:00.123456';
SELECT timestamptz '2024-03-05 10:00:00+02';
SELECT date '2024-03-05';
SELECT time '10:11:12';
SELECT interval '1 year 2 months 3 days 04:05:06';
SELECT interval '90 minutes';
SELECT interval '-1 day';
SELECT '2024-03-05'::date::timestamp;
SELECT '2024-03-05 10:00'::timestamp::date;
SELECT id, d + 1, ts + dur FROM events ORDER BY id;
-- differs: column types: PostgreSQL [INT32, OTHER, OTHER], Lakebench [INT32, INT64, OTHER]
SELECT id, extract(month FROM d), date_trunc('day', ts) FROM events ORDER BY id;
SELECT id, d - date '2024-01-01' FROM events ORDER BY id;
SELECT id, ts FROM events ORDER BY ts;
SELECT id, dur FROM events ORDER BY dur DESC;
SELECT max(d), min(ts) FROM events;
SELECT id FROM events WHERE d BETWEEN '2024-01-01' AND '2024-01-31';
SELECT date '2024-01-31' + interval '1 month';
SELECT to_char(ts, 'YYYY-MM-DD') FROM events ORDER BY id;
SELECT at FROM (SELECT 1 AS at) s;
SELECT at.x, at.at FROM (SELECT 1 AS x, 2 AS at) at;
SELECT max(day) FROM (SELECT date '2024-01-01' AS day) s;
-- Interval text output: PostgreSQL's unit words and plurals.
SELECT interval '1 day -1 hour', interval '-1 year -2 months', interval '25 months', interval '1 month', interval '-1 month';
SELECT interval '1.5 seconds', interval '0 days', interval '100 hours', interval '-2 days 3 hours', interval '-1 year 2 months -3 days';
SELECT time '08:15:23.25', time '08:15:23';
SELECT make_interval(1, 2, hours => 3), make_interval(secs => 1.5), make_interval(weeks => 2);
SELECT justify_interval(interval '1 mon -1 hour'), justify_days(interval '-35 days'), justify_hours(interval '-27 hours'), justify_hours(interval '50 hours 10 minutes');
