-- Retention: an image whose bytes were deleted with its exam year's documents keeps its row (and every decision
-- and audit entry that refers to it); purged_at says when the bytes went.
ALTER TABLE application_image ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX application_image_storage_ix ON application_image (purged_at, id);
