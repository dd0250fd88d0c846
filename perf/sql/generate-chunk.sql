-- One chunk of generated candidates n = :first .. :last (psql variables), in one transaction:
--   account (candidate, password of the demo accounts), registration (the facts of demo candidate 1: route
--   BACHELOR_PHYSICIAN), application, 8 application_image rows (ID_PROOF ×3, DIPLOMA, PROBATION_ASSESSMENT ×2,
--   INSTITUTION_LICENSE ×2) with their image_check results, and the review_queue_entry of every submitted one (and
--   its review_flagged_application if it has quality flags).
-- Candidates n <= :drafts stay DRAFT (the status storm's candidates); the others are spread over the states of
-- the review by n mod 100. Exam point: n mod 14. Everything is derived from n, so a chunk is reproducible.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL synchronous_commit = off;

CREATE TEMP TABLE perf_chunk ON COMMIT DROP AS
SELECT n,
       p.code AS point,
       p.base + (n - 1) / 14 + 1 AS seq,
       perf_id_number(p.code || lpad(((n % 7) * 2 + 2)::text, 2, '0')
           || to_char(date '1990-01-01' + (n / 1000)::int, 'YYYYMMDD')
           || lpad((n % 1000)::text, 3, '0')) AS id_number,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[n % 20 + 1]
           || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平'])[(n / 20) % 20 + 1]
           || (ARRAY['一','二','三','四','五','六','七','八','九','十'])[(n / 400) % 10 + 1] AS name,
       CASE WHEN n <= :drafts THEN 'DRAFT'
            ELSE (ARRAY[
                -- of 100: 35 waiting for the exam point, 8 returned, 25 waiting for the district, 27 final, 5 other
                'SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED',
                'SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED',
                'SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED',
                'ONSITE_REVIEW','ONSITE_REVIEW','ONSITE_REVIEW','ONSITE_REVIEW','ONSITE_REVIEW',
                'RETURNED','RETURNED','RETURNED','RETURNED','RETURNED','RETURNED','RETURNED','RETURNED',
                'POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED',
                'POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED',
                'POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED','POINT_PASSED',
                'POINT_FAILED','POINT_FAILED','POINT_FAILED','POINT_FAILED','POINT_FAILED',
                'APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED',
                'APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED',
                'REJECTED','REJECTED','REJECTED','REJECTED','REJECTED',
                'WITHDRAWN','WITHDRAWN','EXPIRED','EXPIRED','EXPIRED',
                'SUBMITTED','SUBMITTED'])[(n * 37) % 100 + 1]
       END AS state,
       s.generated_at - make_interval(secs => ((n::bigint * 7919) % 2592000)) AS updated_at,
       gen_random_uuid() AS application_id
FROM generate_series(:first::int, :last::int) n
JOIN perf_point p ON p.ix = n % 14
CROSS JOIN perf_seed s;

INSERT INTO account (login_name, login_key, id_type, display_name, phone, phone_verified, password_hash, role,
                     enabled, created_at, updated_at)
SELECT c.id_number, lower(c.id_number), 'RESIDENT_ID_CARD', c.name, '139' || lpad(c.n::text, 8, '0'), TRUE,
       s.password_hash, 'CANDIDATE', TRUE, c.updated_at - interval '40 days', c.updated_at - interval '40 days'
FROM perf_chunk c CROSS JOIN perf_seed s;

INSERT INTO registration (candidate_id, exam_year, name, gender, birth_date, id_type, id_number, phone, school, major,
                          exam_point_code, facts, updated_at)
SELECT a.id, 2025, c.name,
       CASE WHEN substr(c.id_number, 17, 1)::int % 2 = 1 THEN 'MALE' ELSE 'FEMALE' END,
       to_date(substr(c.id_number, 7, 8), 'YYYYMMDD'), 'RESIDENT_ID_CARD', c.id_number,
       '139' || lpad(c.n::text, 8, '0'), '中国医科大学', '临床医学', c.point, s.facts, c.updated_at - interval '35 days'
FROM perf_chunk c
JOIN account a ON a.login_key = lower(c.id_number)
CROSS JOIN perf_seed s;

INSERT INTO application (id, number, candidate_id, exam_year, exam_point_code, offline_review, state, round,
                         revision_deadline, version, created_at, updated_at)
SELECT c.application_id, '2025' || c.point || lpad(c.seq::text, 6, '0'), a.id::text, 2025, c.point, FALSE, c.state,
       CASE WHEN c.state = 'DRAFT' THEN 0 WHEN c.n % 10 = 0 AND c.state <> 'RETURNED' THEN 2 ELSE 1 END,
       CASE WHEN c.state = 'RETURNED' THEN s.generated_at + make_interval(days => (c.n % 10)) END,
       CASE WHEN c.state = 'DRAFT' THEN 8 ELSE 12 END,
       c.updated_at - interval '30 days', c.updated_at
FROM perf_chunk c
JOIN account a ON a.login_key = lower(c.id_number)
CROSS JOIN perf_seed s;

CREATE TEMP TABLE perf_image ON COMMIT DROP AS
SELECT c.application_id, c.n, k, c.updated_at,
       (ARRAY['ID_PROOF','ID_PROOF','ID_PROOF','DIPLOMA','PROBATION_ASSESSMENT','PROBATION_ASSESSMENT',
              'INSTITUTION_LICENSE','INSTITUTION_LICENSE'])[k] AS material,
       gen_random_uuid()::text AS u,
       -- flagged images: the diploma of every 20th application is blurry, the licence of every 50th too dark
       CASE WHEN k = 4 AND c.n % 20 = 0 THEN 'BLURRY' WHEN k = 7 AND c.n % 50 = 0 THEN 'TOO_DARK' ELSE '' END AS flags
FROM perf_chunk c
CROSS JOIN generate_series(1, 8) k;

INSERT INTO application_image (id, application_id, material, storage_key, sha256, size_bytes, width, height,
                               uploaded_at, round, removed_at, removed_in_round, checked)
SELECT gen_random_uuid(), i.application_id, i.material,
       '2025/' || substr(i.u, 1, 2) || '/' || substr(i.u, 3, 2) || '/' || i.u,
       md5(i.u) || md5(i.u || '.'), 140000 + (i.n * 7 + i.k * 131) % 20000,
       CASE WHEN i.k <= 3 THEN 1600 ELSE 1200 END, CASE WHEN i.k <= 3 THEN 1000 ELSE 1600 END,
       i.updated_at - interval '30 days' + make_interval(mins => i.k), 0, NULL, -1, TRUE
FROM perf_image i;

INSERT INTO image_check (storage_key, flags, thumbnail_key, checked_at)
SELECT '2025/' || substr(i.u, 1, 2) || '/' || substr(i.u, 3, 2) || '/' || i.u, i.flags,
       '2025/' || substr(i.u, 1, 2) || '/' || substr(i.u, 3, 2) || '/' || i.u || '.thumb.jpg',
       i.updated_at - interval '30 days' + make_interval(mins => i.k + 1)
FROM perf_image i;

INSERT INTO review_queue_entry (application_id, candidate_name, id_number, route, quality_flags, refreshed_at)
SELECT c.application_id, c.name, c.id_number, 'BACHELOR_PHYSICIAN',
       concat_ws(',', CASE WHEN c.n % 20 = 0 THEN 'BLURRY' END, CASE WHEN c.n % 50 = 0 THEN 'TOO_DARK' END),
       c.updated_at
FROM perf_chunk c
WHERE c.state <> 'DRAFT';

-- The flagged ones again with their queue position, which the queue's flag filters read.
INSERT INTO review_flagged_application (application_id, exam_year, exam_point_code, state, updated_at, quality_flags)
SELECT a.id, a.exam_year, a.exam_point_code, a.state, a.updated_at, q.quality_flags
FROM perf_chunk c
JOIN application a ON a.id = c.application_id
JOIN review_queue_entry q ON q.application_id = a.id
WHERE q.quality_flags <> '';

COMMIT;
