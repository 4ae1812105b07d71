-- Durable part counting without a database write per part (docs/durability.md): each node serves
-- parts from allowances leased in blocks, records every part served in its own journal on disk, and
-- adds the journal to the counts below at least every second.

-- Parts of the download's allowance leased to nodes and not yet counted: request_count + leased never
-- exceeds the limit, so no node can serve a part another node may also serve.
ALTER TABLE downloads ADD COLUMN leased INT DEFAULT 0 NOT NULL;

-- One node's share of downloads.leased; a lease not renewed by its expiry is taken back by any node.
CREATE TABLE part_leases (
    node_id     VARCHAR(36) NOT NULL,
    download_id VARCHAR(36) NOT NULL,
    parts       INT         NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_id, download_id)
);
CREATE INDEX part_leases_expiry ON part_leases (expires_at);

-- The last journal record of each node that is counted in downloads, committed with the counts it
-- added, so a record reconciled before a crash is skipped when the journal is replayed.
CREATE TABLE part_journals (
    node_id        VARCHAR(36) PRIMARY KEY,
    reconciled_seq BIGINT      NOT NULL
);
