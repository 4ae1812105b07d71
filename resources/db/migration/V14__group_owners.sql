-- A group made by a supplier or a customer belongs to their scope: owner_client (a customer's client) or
-- owner_types (a supplier's device types, tab-separated). Operators' groups have neither and stay global.
-- Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE device_groups ADD COLUMN owner_client VARCHAR(64);
ALTER TABLE device_groups ADD COLUMN owner_types VARCHAR(2048);
