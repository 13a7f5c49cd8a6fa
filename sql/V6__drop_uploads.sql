-- Resumable uploads can come through a drop, whose files never replace anything: what an upload
-- does with a taken name is now one of REFUSE, REPLACE or KEEP_BOTH (stored as "name (2).ext"),
-- no longer a yes/no overwrite.
ALTER TABLE resumable_uploads ADD COLUMN on_collision VARCHAR(16) NOT NULL DEFAULT 'REFUSE';

UPDATE resumable_uploads SET on_collision = 'REPLACE' WHERE overwrite = TRUE;

ALTER TABLE resumable_uploads DROP COLUMN overwrite;
