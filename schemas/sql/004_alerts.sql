-- Alerts raised from confident findings, and their delivery to notification
-- channels. See docs/data-model.md.

CREATE SEQUENCE IF NOT EXISTS alert_ids START 1;

-- One alert per finding in state 'alert', raised once; a person moves it
-- open -> acknowledged -> resolved (or open -> resolved).
CREATE TABLE IF NOT EXISTS alerts (
    alert_id         INTEGER PRIMARY KEY DEFAULT nextval('alert_ids'),
    finding_key      TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    summary          TEXT NOT NULL,
    evidence         JSON,
    event            TEXT NOT NULL,       -- the Prefect event: 'lfrwatch.' + kind with '_' -> '.'
    state            TEXT NOT NULL,       -- 'open' | 'acknowledged' | 'resolved'
    raised_at        TIMESTAMPTZ NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    resolution_note  TEXT
);

-- One row per alert and notification channel. A channel is named by the
-- scheme and a hash of its Apprise URL: the URL itself (it holds tokens
-- and passwords) is never stored.
CREATE TABLE IF NOT EXISTS deliveries (
    alert_id         INTEGER NOT NULL,
    channel          TEXT NOT NULL,       -- e.g. 'json:3f2a9c0d1e4b'
    state            TEXT NOT NULL,       -- 'pending' | 'sending' | 'delivered'
    attempts         INTEGER NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    PRIMARY KEY (alert_id, channel)
);
