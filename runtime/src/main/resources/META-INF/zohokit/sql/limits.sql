-- The API-limits governor shared through zohokit's JDBC store (io.github.zohokit.limits.ApiLimits.sharedThrough):
-- permits (one row per slot of a pool, leased until expires_at), credits spent per hour of Zoho's rolling 24 hours,
-- and one row of state per organisation (what Zoho last reported, the cool-down after a 429). Portable across
-- PostgreSQL, MySQL/MariaDB and H2. Replace zohokit_tokens with the token table name you configure.

CREATE TABLE IF NOT EXISTS zohokit_tokens_permits (
  org        VARCHAR(100) NOT NULL,
  pool       VARCHAR(20)  NOT NULL,  -- calls or heavy
  slot       INT          NOT NULL,
  owner      VARCHAR(100) NOT NULL,  -- '' when free
  expires_at BIGINT       NOT NULL,  -- epoch milliseconds; free once in the past
  PRIMARY KEY (org, pool, slot)
);

CREATE TABLE IF NOT EXISTS zohokit_tokens_credits (
  org        VARCHAR(100) NOT NULL,
  hour_start BIGINT       NOT NULL,  -- epoch milliseconds of the hour the credits were reserved in
  used       BIGINT       NOT NULL,
  PRIMARY KEY (org, hour_start)
);

CREATE TABLE IF NOT EXISTS zohokit_tokens_limits (
  org            VARCHAR(100) NOT NULL,
  reported_spent BIGINT       NOT NULL,  -- daily credits minus Zoho's last X-API-CREDITS-REMAINING; -1 for none
  reported_at    BIGINT       NOT NULL,  -- epoch milliseconds
  spent_since    BIGINT       NOT NULL,  -- credits reserved since that report
  cool_until     BIGINT       NOT NULL,  -- epoch milliseconds: calls wait until then after a 429
  PRIMARY KEY (org)
);
