-- Events are numbered at commit time, under this one row's lock, so ids become visible in order:
-- a reader that has seen id N will never later find a committed event below N.
CREATE TABLE event_counter (
    id      INT    PRIMARY KEY,
    last_id BIGINT NOT NULL
);
INSERT INTO event_counter (id, last_id) SELECT 1, COALESCE(MAX(id), 0) FROM events;
