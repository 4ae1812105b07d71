-- A request's history says what the server noted as a code with arguments (a JSON array), so the app
-- can word it in the user's language; the English text stays for scripts. Portable SQL: H2 and PostgreSQL.
ALTER TABLE request_events ADD COLUMN code VARCHAR(32);
ALTER TABLE request_events ADD COLUMN args VARCHAR(1024);

-- A maintenance window may end for good (an approved request's latest end); such a window may have no
-- hours, then it is open at any hour until it ends.
ALTER TABLE campaign_windows ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_windows ALTER COLUMN time_zone DROP NOT NULL;
ALTER TABLE campaign_windows ALTER COLUMN days DROP NOT NULL;
ALTER TABLE campaign_windows ALTER COLUMN from_time DROP NOT NULL;
ALTER TABLE campaign_windows ALTER COLUMN to_time DROP NOT NULL;

-- Request events in the feed: scoped by the request's client and device type.
ALTER TABLE events ADD COLUMN request_id VARCHAR(36);
