-- zohokit's JDBC token store (io.github.zohokit.store.JdbcTokenStore): one row of tokens per (client id, user key),
-- and short refresh leases. Portable across PostgreSQL, MySQL/MariaDB and H2. Replace zohokit_tokens with the
-- table name you configure. The client secret is never stored.

CREATE TABLE IF NOT EXISTS zohokit_tokens (
  client_id  VARCHAR(255) NOT NULL,
  user_key   VARCHAR(255) NOT NULL,
  version    BIGINT       NOT NULL,
  token      TEXT         NOT NULL,  -- JSON, the tokens encrypted when a TokenCipher is configured
  updated_at BIGINT       NOT NULL,  -- epoch milliseconds
  PRIMARY KEY (client_id, user_key)
);

CREATE TABLE IF NOT EXISTS zohokit_tokens_leases (
  client_id  VARCHAR(255) NOT NULL,
  user_key   VARCHAR(255) NOT NULL,
  owner      VARCHAR(100) NOT NULL,
  expires_at BIGINT       NOT NULL,  -- epoch milliseconds
  PRIMARY KEY (client_id, user_key)
);
