-- Drops: an upload-only link into its owner's area, for someone without an account. Like a share
-- link, its key is stored only as its SHA-256 and id is the non-secret handle. A drop dies with its
-- owner (ON DELETE CASCADE). files_received and bytes_received count what it took in all visits.
CREATE TABLE drops (
  id             CHAR(12)      NOT NULL,
  key_hash       CHAR(64)      NOT NULL,
  owner_id       BIGINT        NOT NULL,
  created_by     VARCHAR(32)   NOT NULL,
  created_at     BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL,
  password_hash  VARCHAR(100),
  max_files      INT,
  max_bytes      BIGINT,
  files_received INT           NOT NULL,
  bytes_received BIGINT        NOT NULL,
  allow_from     VARCHAR(1000),
  note           VARCHAR(500),
  PRIMARY KEY (id),
  CONSTRAINT uk_drops_key_hash UNIQUE (key_hash),
  CONSTRAINT fk_drops_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_drops_expires ON drops (expires_at);
