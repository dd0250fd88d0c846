-- Registration info (报名信息): one row per candidate and exam year. The candidate's name, gender and birth date
-- are copied from the identity document when the row is saved, so that reviewers see what the candidate saw.
-- facts holds the candidate facts of CONTRACT.md as JSON; the policy reads them, nobody queries inside them.

CREATE TABLE registration (
    -- the identity module's account id; checked by the application, not by a foreign key, because modules own
    -- their tables
    candidate_id BIGINT NOT NULL,
    exam_year INT NOT NULL,
    name VARCHAR(100) NOT NULL,
    gender VARCHAR(8) NOT NULL,
    birth_date DATE NOT NULL,
    id_type VARCHAR(40) NOT NULL,
    id_number VARCHAR(64) NOT NULL,
    phone VARCHAR(20) NOT NULL,
    email VARCHAR(254),
    school VARCHAR(100) NOT NULL,
    major VARCHAR(100) NOT NULL,
    exam_point_code VARCHAR(8) NOT NULL,
    facts VARCHAR(8000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT registration_pk PRIMARY KEY (candidate_id, exam_year),
    CONSTRAINT registration_gender_ck CHECK (gender IN ('MALE', 'FEMALE'))
);
CREATE INDEX registration_point_ix ON registration (exam_year, exam_point_code);
