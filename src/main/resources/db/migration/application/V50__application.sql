-- Applications, their images (every version ever uploaded) and per-material review decisions.

CREATE TABLE application (
    id UUID NOT NULL,
    number VARCHAR(20) NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    exam_year INT NOT NULL,
    exam_point_code VARCHAR(8) NOT NULL,
    offline_review BOOLEAN NOT NULL,
    state VARCHAR(20) NOT NULL,
    round INT NOT NULL,
    revision_deadline TIMESTAMP WITH TIME ZONE,
    point_decider_id VARCHAR(64),
    point_decider_name VARCHAR(100),
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT application_pk PRIMARY KEY (id),
    CONSTRAINT application_number_uq UNIQUE (number),
    CONSTRAINT application_candidate_year_uq UNIQUE (candidate_id, exam_year),
    CONSTRAINT application_state_ck CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ONSITE_REVIEW',
        'OFFLINE_REVIEW', 'POINT_PASSED', 'POINT_FAILED', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
    CONSTRAINT application_deadline_ck CHECK (state <> 'RETURNED' OR revision_deadline IS NOT NULL)
);
CREATE INDEX application_queue_ix ON application (exam_year, exam_point_code, state, updated_at);
CREATE INDEX application_state_ix ON application (state, revision_deadline);

CREATE TABLE application_image (
    id UUID NOT NULL,
    application_id UUID NOT NULL,
    material VARCHAR(40) NOT NULL,
    storage_key VARCHAR(200) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    round INT NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE,
    removed_in_round INT NOT NULL,
    CONSTRAINT application_image_pk PRIMARY KEY (id),
    CONSTRAINT application_image_application_fk FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT application_image_storage_key_uq UNIQUE (storage_key)
);
CREATE INDEX application_image_application_ix ON application_image (application_id, material);

CREATE TABLE material_review (
    id UUID NOT NULL,
    application_id UUID NOT NULL,
    material VARCHAR(40) NOT NULL,
    verdict VARCHAR(30) NOT NULL,
    reason_codes VARCHAR(400) NOT NULL,
    message_to_candidate VARCHAR(1000) NOT NULL,
    internal_note VARCHAR(1000) NOT NULL,
    reviewer_id VARCHAR(64) NOT NULL,
    reviewer_name VARCHAR(100) NOT NULL,
    reviewed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    round INT NOT NULL,
    seq INT NOT NULL,
    CONSTRAINT material_review_pk PRIMARY KEY (id),
    CONSTRAINT material_review_application_fk FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT material_review_seq_uq UNIQUE (application_id, seq),
    CONSTRAINT material_review_verdict_ck CHECK (verdict IN ('ACCEPTED', 'REPLACEMENT_REQUESTED'))
);

-- Application numbers count per exam year and exam point: 2025 2101 000001.
CREATE TABLE application_number_counter (
    exam_year INT NOT NULL,
    exam_point_code VARCHAR(8) NOT NULL,
    last_number INT NOT NULL,
    CONSTRAINT application_number_counter_pk PRIMARY KEY (exam_year, exam_point_code)
);
