-- Review: leases on applications, the queue's read model, receipts of the signed application form (二.8) and the
-- indexes that keep the queue's keyset pagination fast on the application table.

-- Who works on which application, until when. One row per application; an expired row is free for anyone.
CREATE TABLE review_lease (
    application_id UUID NOT NULL,
    holder_id VARCHAR(64) NOT NULL,
    holder_name VARCHAR(100) NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_lease_pk PRIMARY KEY (application_id)
);
CREATE INDEX review_lease_holder_ix ON review_lease (holder_id, expires_at);

-- What the queue shows and searches beyond the application row: the candidate's name and ID number (from the
-- registration module, copied when the application is submitted), the policy route and the images' quality flags.
CREATE TABLE review_queue_entry (
    application_id UUID NOT NULL,
    candidate_name VARCHAR(100),
    id_number VARCHAR(40),
    route VARCHAR(40),
    quality_flags VARCHAR(200) NOT NULL,
    refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_queue_entry_pk PRIMARY KEY (application_id)
);
CREATE INDEX review_queue_entry_name_ix ON review_queue_entry (candidate_name);
CREATE INDEX review_queue_entry_id_number_ix ON review_queue_entry (id_number);

-- The signed 报名暨授予医师资格申请表 handed in at the exam point (二.8); at most one receipt per application.
CREATE TABLE review_form_receipt (
    application_id UUID NOT NULL,
    received_on DATE NOT NULL,
    recorded_by_id VARCHAR(64) NOT NULL,
    recorded_by_name VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_form_receipt_pk PRIMARY KEY (application_id)
);

-- Keyset pagination of the queues: ordered by (updated_at, id) within an exam year, an exam point and a state.
CREATE INDEX review_queue_point_ix ON application (exam_year, exam_point_code, state, updated_at, id);
CREATE INDEX review_queue_district_ix ON application (exam_year, state, updated_at, id);
CREATE INDEX review_queue_year_ix ON application (exam_year, updated_at, id);
