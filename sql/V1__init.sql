-- Schema for H2 (MySQL mode) and MySQL/MariaDB alike. ${table_options} is set by the
-- migration runner: utf8mb4 with binary collation on MySQL, so file names are unique
-- case-sensitively as the API promises; nothing on H2, which compares case-sensitively.
-- Instants are stored as epoch milliseconds to stay free of time-zone conversions.

CREATE TABLE accounts (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(32)  NOT NULL,
  username_key  VARCHAR(32)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_accounts_username_key UNIQUE (username_key)
) ${table_options};

CREATE TABLE access_tokens (
  token_hash CHAR(64) NOT NULL,
  account_id BIGINT   NOT NULL,
  created_at BIGINT   NOT NULL,
  expires_at BIGINT   NOT NULL,
  PRIMARY KEY (token_hash),
  CONSTRAINT fk_access_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE files (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  owner_id     BIGINT       NOT NULL,
  name         VARCHAR(255) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  content_type VARCHAR(255) NOT NULL,
  visibility   VARCHAR(16)  NOT NULL,
  created_at   BIGINT       NOT NULL,
  storage_key  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_files_owner_name UNIQUE (owner_id, name),
  CONSTRAINT fk_files_owner FOREIGN KEY (owner_id) REFERENCES accounts (id)
) ${table_options};

CREATE INDEX ix_files_visibility ON files (visibility);

CREATE TABLE audit_events (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  at_millis  BIGINT        NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  action     VARCHAR(32)   NOT NULL,
  owner_name VARCHAR(32),
  file_name  VARCHAR(255),
  detail     VARCHAR(1000),
  PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_audit_events_owner ON audit_events (owner_name);
