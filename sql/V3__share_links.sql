-- Share links: a file handed to someone without an account. The link's secret key is given to
-- its creator once and stored only as its SHA-256 (key_hash); id is a separate, non-secret handle
-- for listing and revoking. A link dies with its file (ON DELETE CASCADE), so deleting a file or
-- removing its owner kills every link to it; replacing a file keeps the row and so the links.
CREATE TABLE share_links (
  id               CHAR(12)      NOT NULL,
  key_hash         CHAR(64)      NOT NULL,
  file_id          BIGINT        NOT NULL,
  created_by       VARCHAR(32)   NOT NULL,
  created_at       BIGINT        NOT NULL,
  expires_at       BIGINT        NOT NULL,
  password_hash    VARCHAR(100),
  max_downloads    INT,
  downloads        INT           NOT NULL,
  last_download_at BIGINT,
  allow_from       VARCHAR(1000),
  note             VARCHAR(500),
  PRIMARY KEY (id),
  CONSTRAINT uk_share_links_key_hash UNIQUE (key_hash),
  CONSTRAINT fk_share_links_file FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_share_links_expires ON share_links (expires_at);
