-- Foundation schema: devices, firmware images, per-device downloads, installation settings.
-- Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE settings (
    name  VARCHAR(64)  PRIMARY KEY,
    setting_value VARCHAR(512) NOT NULL
);

CREATE TABLE firmware (
    id          VARCHAR(36)  PRIMARY KEY,
    device_type VARCHAR(64)  NOT NULL,
    version     VARCHAR(64)  NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    crc32       CHAR(8)      NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT firmware_type_version UNIQUE (device_type, version)
);

CREATE TABLE devices (
    imei                CHAR(15)    PRIMARY KEY,
    device_type         VARCHAR(64) NOT NULL,
    client              VARCHAR(64) NOT NULL,
    secret              VARCHAR(100) NOT NULL,
    reported_firmware   VARCHAR(64),
    desired_firmware_id VARCHAR(36) REFERENCES firmware (id),
    download_id         VARCHAR(36),
    status              VARCHAR(16) NOT NULL,
    progress            INT,
    fota_state          VARCHAR(16),
    fota_result         INT,
    telemetry           VARCHAR,
    last_seen           TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX devices_client ON devices (client);
CREATE INDEX devices_type ON devices (device_type);
CREATE INDEX devices_status ON devices (status);
CREATE INDEX devices_reported ON devices (reported_firmware);

-- One row per device per update: the unguessable id is the last path segment of the download URL.
CREATE TABLE downloads (
    id               VARCHAR(36) PRIMARY KEY,
    imei             CHAR(15)    NOT NULL REFERENCES devices (imei),
    firmware_id      VARCHAR(36) NOT NULL REFERENCES firmware (id),
    active           BOOLEAN     NOT NULL,
    token            VARCHAR(1024),
    token_expires_at TIMESTAMP WITH TIME ZONE,
    request_count    INT         NOT NULL,
    bytes_served     BIGINT      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX downloads_imei ON downloads (imei);
