-- Every event says what happened as a code with named arguments (a JSON object), so the app can word it in
-- the user's language; the English detail stays for scripts. Events written before have neither.
-- Portable SQL: H2 and PostgreSQL. The arguments hold at most a request's rejection reason (1,024
-- characters, each at most six once escaped in JSON) besides a few short values.
ALTER TABLE events ADD COLUMN code VARCHAR(40);
ALTER TABLE events ADD COLUMN args VARCHAR(8192);

-- A campaign's stateReason is its state event's detail: its code and arguments too (none before).
ALTER TABLE campaigns ADD COLUMN state_reason_code VARCHAR(40);
ALTER TABLE campaigns ADD COLUMN state_reason_args VARCHAR(1024);
