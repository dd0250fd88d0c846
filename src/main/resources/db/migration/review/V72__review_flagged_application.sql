-- The queue's quality-flag filters read the applications with flagged images through this table, which holds only
-- those, each with the position the queue orders by (year, exam point, state, updated_at). Read from the application
-- indexes instead, a filter that matches few applications of a state has to read the whole state to fill a page.
-- The position follows the application row in its own saving transaction (ApplicationSaved); the flags follow the
-- queue entry's refresh.
CREATE TABLE review_flagged_application (
    application_id UUID NOT NULL,
    exam_year INT NOT NULL,
    exam_point_code VARCHAR(8) NOT NULL,
    state VARCHAR(20) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    quality_flags VARCHAR(200) NOT NULL,
    CONSTRAINT review_flagged_application_pk PRIMARY KEY (application_id)
);
CREATE INDEX review_flagged_district_ix ON review_flagged_application (exam_year, state, updated_at, application_id);
CREATE INDEX review_flagged_point_ix
    ON review_flagged_application (exam_year, exam_point_code, state, updated_at, application_id);

INSERT INTO review_flagged_application (application_id, exam_year, exam_point_code, state, updated_at, quality_flags)
SELECT a.id, a.exam_year, a.exam_point_code, a.state, a.updated_at, q.quality_flags
FROM review_queue_entry q
JOIN application a ON a.id = q.application_id
WHERE q.quality_flags <> '';
