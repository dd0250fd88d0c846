-- Exam setup: the exam district (考区), its exam points (考点) and its exam years with their key dates.
-- The application validates every rule below with a message per field; these constraints are the second
-- line of defence against anything that bypasses it.

CREATE TABLE exam_district (
    code VARCHAR(2) NOT NULL,
    name VARCHAR(50) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT exam_district_pk PRIMARY KEY (code),
    -- a GB/T 2260 province code
    CONSTRAINT exam_district_code_format CHECK (CHAR_LENGTH(code) = 2 AND code BETWEEN '11' AND '82'),
    CONSTRAINT exam_district_name_present CHECK (CHAR_LENGTH(TRIM(name)) > 0)
);

CREATE TABLE exam_point (
    code VARCHAR(4) NOT NULL,
    name VARCHAR(50) NOT NULL,
    district_code VARCHAR(2) NOT NULL,
    active BOOLEAN DEFAULT TRUE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT exam_point_pk PRIMARY KEY (code),
    CONSTRAINT exam_point_district_fk FOREIGN KEY (district_code) REFERENCES exam_district (code),
    CONSTRAINT exam_point_name_unique UNIQUE (district_code, name),
    -- a GB/T 2260 city code inside the district's province, e.g. 2101 沈阳 in 21 辽宁; never the province itself
    CONSTRAINT exam_point_code_in_district CHECK (
        CHAR_LENGTH(code) = 4 AND LEFT(code, 2) = district_code AND RIGHT(code, 2) <> '00'),
    CONSTRAINT exam_point_name_present CHECK (CHAR_LENGTH(TRIM(name)) > 0)
);

CREATE TABLE exam_year (
    calendar_year INT NOT NULL,
    district_code VARCHAR(2) NOT NULL,
    policy_id VARCHAR(32) NOT NULL,
    registration_opens DATE NOT NULL,
    registration_closes DATE NOT NULL,
    upload_opens DATE NOT NULL,
    upload_closes DATE NOT NULL,
    review_opens DATE NOT NULL,
    review_closes DATE NOT NULL,
    resubmission_days INT NOT NULL,
    max_image_bytes BIGINT DEFAULT 204800 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT exam_year_pk PRIMARY KEY (calendar_year, district_code),
    CONSTRAINT exam_year_district_fk FOREIGN KEY (district_code) REFERENCES exam_district (code),
    CONSTRAINT exam_year_range CHECK (calendar_year BETWEEN 2000 AND 2099),
    CONSTRAINT exam_year_registration_ordered CHECK (registration_closes >= registration_opens),
    CONSTRAINT exam_year_upload_ordered CHECK (upload_closes >= upload_opens),
    CONSTRAINT exam_year_upload_after_registration CHECK (upload_opens >= registration_opens),
    CONSTRAINT exam_year_review_after_upload CHECK (review_opens >= upload_opens),
    CONSTRAINT exam_year_review_ordered CHECK (review_closes >= review_opens),
    CONSTRAINT exam_year_review_closes_last CHECK (review_closes >= upload_closes),
    CONSTRAINT exam_year_resubmission_days CHECK (resubmission_days BETWEEN 1 AND 60),
    CONSTRAINT exam_year_max_image_bytes CHECK (max_image_bytes BETWEEN 10240 AND 10485760),
    CONSTRAINT exam_year_policy_present CHECK (CHAR_LENGTH(TRIM(policy_id)) > 0)
);
