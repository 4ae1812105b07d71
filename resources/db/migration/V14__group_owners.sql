-- A group made by a supplier or a customer belongs to their scope: owner_client (a customer's client) or
-- owner_types (a supplier's device types, tab-separated); '' is none, so an operator's group has neither and
-- stays global. Names are unique per owner, not across owners: one party's names say nothing to another.
-- (Dropping the column drops its old unique constraint, whose name differs between the databases.)
-- Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE device_groups ADD COLUMN owner_client VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE device_groups ADD COLUMN owner_types VARCHAR(2048) DEFAULT '' NOT NULL;
ALTER TABLE device_groups ADD COLUMN group_name VARCHAR(64);
UPDATE device_groups SET group_name = name;
ALTER TABLE device_groups DROP COLUMN name;
ALTER TABLE device_groups RENAME COLUMN group_name TO name;
ALTER TABLE device_groups ALTER COLUMN name SET NOT NULL;
ALTER TABLE device_groups ADD CONSTRAINT group_names_per_owner UNIQUE (owner_client, owner_types, name);
