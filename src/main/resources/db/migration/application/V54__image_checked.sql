-- Whether the background verification has recorded its result for an image, kept on the image row so that the
-- sweep finds the few images still waiting through an index instead of an anti-join over every image ever uploaded.
ALTER TABLE application_image ADD COLUMN checked BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE application_image SET checked = TRUE WHERE storage_key IN (SELECT storage_key FROM image_check);
CREATE INDEX application_image_unchecked_ix ON application_image (checked, uploaded_at);
