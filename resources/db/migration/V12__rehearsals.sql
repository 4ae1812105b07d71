-- Rehearsals: each device's observed check-in interval (a moving average of the time between its
-- routine uplinks, kept by the uplink's own row update), and the forecast of a rehearsed campaign.
-- Portable SQL: runs on H2 and PostgreSQL.

ALTER TABLE devices ADD COLUMN checkin_interval_ms BIGINT;

CREATE TABLE campaign_forecasts (
    campaign_id VARCHAR(36) PRIMARY KEY REFERENCES campaigns (id),
    forecast    VARCHAR     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
