-- Firmware images live in the database, so every backend node can serve every image without a
-- shared filesystem. One row per distinct image (content addressed by SHA-256, shared by every
-- firmware record with those bytes), its bytes in ordered chunks. Nodes keep verified disk caches.
-- BYTEA is PostgreSQL's binary type and an H2 2.x alias of BINARY VARYING (up to 1e9 bytes).
CREATE TABLE firmware_images (
    sha256 CHAR(64) PRIMARY KEY,
    size   BIGINT   NOT NULL
);

CREATE TABLE firmware_chunks (
    sha256 CHAR(64) NOT NULL REFERENCES firmware_images (sha256),
    idx    INT      NOT NULL,
    data   BYTEA    NOT NULL,
    PRIMARY KEY (sha256, idx)
);

CREATE INDEX firmware_sha256 ON firmware (sha256);
