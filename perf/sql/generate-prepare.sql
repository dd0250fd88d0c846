-- Prepares the generator: checks that the product has migrated and seeded the database, and records what every
-- generated row copies from the demo data (the password hash of a demo account, the registration facts of the
-- demo candidate on route 1, the application-number counters). Run once before the chunks.
\set ON_ERROR_STOP on
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM exam_year WHERE calendar_year = 2025) THEN
        RAISE EXCEPTION 'no exam year 2025: start the product once with perf/run-server.sh (demo profile) first';
    END IF;
    IF (SELECT count(*) FROM exam_point WHERE active) <> 14 THEN
        RAISE EXCEPTION 'expected the 14 exam points of the demo district';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM registration WHERE id_number = '210102199503120011') THEN
        RAISE EXCEPTION 'the demo registrations are not there yet: wait until the product has started completely';
    END IF;
    IF EXISTS (SELECT 1 FROM account WHERE login_name LIKE '2101021990%' OR login_name = 'perf-marker') THEN
        RAISE EXCEPTION 'this database already holds generated data: recreate it with perf/run-server.sh --fresh';
    END IF;
END $$;

DROP TABLE IF EXISTS perf_seed;
CREATE TABLE perf_seed AS
SELECT (SELECT password_hash FROM account WHERE login_name = 'admin') AS password_hash,
       (SELECT facts FROM registration WHERE id_number = '210102199503120011') AS facts,
       now() AS generated_at;

-- The points in a fixed order (0..13) and the numbers already used at each (the demo candidates').
DROP TABLE IF EXISTS perf_point;
CREATE TABLE perf_point AS
SELECT (row_number() OVER (ORDER BY p.code) - 1)::int AS ix, p.code,
       COALESCE((SELECT c.last_number FROM application_number_counter c
                 WHERE c.exam_year = 2025 AND c.exam_point_code = p.code), 0) AS base
FROM exam_point p WHERE p.active;

-- The check digit of an 18-digit resident ID number (GB 11643, ISO 7064 MOD 11-2).
CREATE OR REPLACE FUNCTION perf_id_number(body text) RETURNS text AS $$
    SELECT body || substr('10X98765432',
        (SELECT sum(substr(body, i, 1)::int * w[i]) FROM generate_series(1, 17) i)::int % 11 + 1, 1)
    FROM (SELECT ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2] AS w) weights
$$ LANGUAGE sql IMMUTABLE;
