-- After the chunks: the application-number counters continue after the generated numbers, so that applications
-- the product opens later get fresh numbers; then fresh planner statistics for the new row counts.
\set ON_ERROR_STOP on
DELETE FROM application_number_counter WHERE exam_year = 2025;
INSERT INTO application_number_counter (exam_year, exam_point_code, last_number)
SELECT 2025, exam_point_code, max(substr(number, 9, 6)::int) FROM application WHERE exam_year = 2025
GROUP BY exam_point_code;
ANALYZE;
