-- Results of the off-request-path verification of each stored image (full decode, quality, thumbnail).
CREATE TABLE image_check (
    storage_key VARCHAR(200) NOT NULL,
    flags VARCHAR(200) NOT NULL,
    thumbnail_key VARCHAR(200),
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT image_check_pk PRIMARY KEY (storage_key)
);
