-- Documents written to the store whose database reference is not committed yet. A row is inserted before the
-- bytes are written and deleted in the transaction that commits the reference; a row that outlives the grace
-- period belongs to an upload that failed or a node that died in between, and the orphan sweep deletes its bytes.
CREATE TABLE pending_document (
    storage_key VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_document_pk PRIMARY KEY (storage_key)
);
CREATE INDEX pending_document_created_ix ON pending_document (created_at);
