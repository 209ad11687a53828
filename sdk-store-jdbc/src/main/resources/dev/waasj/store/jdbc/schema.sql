-- waasj shared state on PostgreSQL. ${prefix} is the table-name prefix (default waasj_); JdbcSchema.sql(prefix)
-- returns this text with it filled in. Tokens are secrets: grant this schema to the service's role only.

-- One org token per app and organization. version grows by one with every save: the compare-and-set of a save
-- made under a refresh lease.
CREATE TABLE IF NOT EXISTS ${prefix}org_token (
  client_id          TEXT        NOT NULL,
  org_id             TEXT        NOT NULL,
  access_token       TEXT        NOT NULL,
  refresh_token      TEXT        NOT NULL,
  token_type         TEXT        NOT NULL,
  obtained_at        TIMESTAMPTZ NOT NULL,
  expires_at         TIMESTAMPTZ NOT NULL,
  refresh_expires_at TIMESTAMPTZ NOT NULL,
  version            BIGINT      NOT NULL,
  PRIMARY KEY (client_id, org_id)
);

-- Who may refresh an organization's token now. fence grows by one with every new holder; a save is accepted only
-- from the holder whose fence is current and whose lease has not expired (by the database's clock).
CREATE TABLE IF NOT EXISTS ${prefix}refresh_lease (
  client_id  TEXT        NOT NULL,
  org_id     TEXT        NOT NULL,
  holder     TEXT        NOT NULL,
  fence      BIGINT      NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (client_id, org_id)
);

-- Webhook events and callbacks claimed by receivers: RUNNING under a lease until lease_until, then DONE with the
-- outcome (a callback's decision). Rows are deleted after expires_at (the retention).
CREATE TABLE IF NOT EXISTS ${prefix}webhook_event (
  event_id    TEXT        NOT NULL PRIMARY KEY,
  state       TEXT        NOT NULL,
  owner       TEXT        NOT NULL,
  fence       BIGINT      NOT NULL,
  lease_until TIMESTAMPTZ NOT NULL,
  outcome     TEXT,
  expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS ${prefix}webhook_event_expires ON ${prefix}webhook_event (expires_at);
