-- Named locks shared by every node on this database. Portable SQL: runs on H2 and PostgreSQL.
--  * 'rollout-engine' is a lease: the node named in holder runs the engine until expires_at and
--    renews it on every tick; when that node dies, another takes the lease once it has expired.
--  * 'device-claims' is a mutex: starting or retrying a campaign locks the row (SELECT ... FOR UPDATE)
--    so two campaigns started on two nodes at once cannot both take the same device.
CREATE TABLE cluster_locks (
    name       VARCHAR(32)  PRIMARY KEY,
    holder     VARCHAR(128),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO cluster_locks (name, holder, expires_at) VALUES ('rollout-engine', NULL, CURRENT_TIMESTAMP);
INSERT INTO cluster_locks (name, holder, expires_at) VALUES ('device-claims', NULL, CURRENT_TIMESTAMP);
