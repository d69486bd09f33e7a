-- zohokit's JDBC sync state store (io.github.zohokit.sync.JdbcSyncStateStore): one row per sync key with its cursor
-- (JSON, under 64 KB) and the lease of the one worker that may advance it. Portable across PostgreSQL,
-- MySQL/MariaDB and H2. Replace zohokit_sync_state with the table name you configure.

CREATE TABLE IF NOT EXISTS zohokit_sync_state (
  sync_key    VARCHAR(200) NOT NULL,
  cursor_json TEXT,                     -- null until the first batch is committed
  lease_owner VARCHAR(100),             -- null when no worker holds the lease
  lease_until BIGINT       NOT NULL,    -- epoch milliseconds
  updated_at  BIGINT       NOT NULL,    -- epoch milliseconds
  PRIMARY KEY (sync_key)
);
