-- An image whose thumbnail a reader found missing or damaged (thumbnails are not forced to disk, so a crash of the
-- machine can lose one) waits for verification again, while its recorded flags stay visible. The sweep marks image
-- rows with a recorded result as checked; it must not mark these.
ALTER TABLE image_check ADD COLUMN recheck BOOLEAN DEFAULT FALSE NOT NULL;
