-- An administrator's bulk import between its dry run and its confirmation. The parsed rows stay here, under a
-- random token, so that the confirmation imports what the dry run checked without trusting anything the browser
-- sends back; the file's SHA-256 ties both steps to one file. Old uploads are removed when new ones arrive.

CREATE TABLE registration_import (
    token VARCHAR(64) NOT NULL,
    admin_id BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_sha256 CHAR(64) NOT NULL,
    exam_year INT NOT NULL,
    header VARCHAR(8000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT registration_import_pk PRIMARY KEY (token)
);
CREATE INDEX registration_import_created_ix ON registration_import (created_at);

-- One parsed row: its row number in the file (the header is row 1), its cells as a JSON array of strings in the
-- header's order, and whether the dry run found it valid, so that the confirmation notices any change since.
CREATE TABLE registration_import_row (
    token VARCHAR(64) NOT NULL,
    line_number INT NOT NULL,
    cells VARCHAR(64000) NOT NULL,
    valid BOOLEAN NOT NULL,
    CONSTRAINT registration_import_row_pk PRIMARY KEY (token, line_number),
    CONSTRAINT registration_import_row_fk FOREIGN KEY (token) REFERENCES registration_import (token) ON DELETE CASCADE
);
