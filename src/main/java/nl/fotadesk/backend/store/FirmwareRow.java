package nl.fotadesk.backend.store;

import java.time.Instant;

public record FirmwareRow(String id, String deviceType, String version, long size,
                          String sha256, String crc32, Instant uploadedAt) {
}
