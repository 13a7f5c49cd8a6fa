-- Resumable (tus) uploads that have not finished: who sends what under which name, how many bytes
-- the server holds (upload_offset: every byte below it is on disk), and until when. The bytes
-- live in the store's uploads/ folder under the id. Finishing one stores the file and removes the
-- row in one transaction; removing the owner removes their unfinished uploads.
CREATE TABLE resumable_uploads (
  id            CHAR(22)      NOT NULL,
  owner_id      BIGINT        NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  file_name     VARCHAR(255)  NOT NULL,
  content_type  VARCHAR(255)  NOT NULL,
  visibility    VARCHAR(16)   NOT NULL,
  overwrite     BOOLEAN       NOT NULL,
  upload_length BIGINT        NOT NULL,
  upload_offset BIGINT        NOT NULL,
  created_at    BIGINT        NOT NULL,
  expires_at    BIGINT        NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_resumable_uploads_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_resumable_uploads_expires ON resumable_uploads (expires_at);
