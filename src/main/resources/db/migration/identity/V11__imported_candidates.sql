-- Candidates whose registration an administrator imported get an account before they register themselves. Such
-- an account has no password (NULL) until the candidate claims it at /register with the same document number
-- and phone; nobody can log in to it before.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
