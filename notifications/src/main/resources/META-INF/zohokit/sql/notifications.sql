-- zohokit's JDBC channel store (io.github.zohokit.notifications.JdbcChannelStore): one row per application and
-- module with Zoho's channel id, the channel's verification token and its expiry. Portable across PostgreSQL,
-- MySQL/MariaDB and H2. Replace zohokit_notification_channels with the table name you configure. The token is a
-- secret: grant this table to the application's user only.

CREATE TABLE IF NOT EXISTS zohokit_notification_channels (
  channel_key VARCHAR(200)  NOT NULL,   -- <application>.<module>
  module      VARCHAR(100)  NOT NULL,
  channel_id  BIGINT        NOT NULL,
  token       VARCHAR(100)  NOT NULL,
  expiry      BIGINT        NOT NULL,   -- epoch milliseconds
  notify_url  VARCHAR(2000) NOT NULL,
  events      VARCHAR(2000) NOT NULL,   -- comma-separated, such as Leads.all
  updated_at  BIGINT        NOT NULL,   -- epoch milliseconds
  PRIMARY KEY (channel_key),
  UNIQUE (channel_id)
);
