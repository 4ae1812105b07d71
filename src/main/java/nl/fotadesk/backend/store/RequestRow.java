package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.RequestState;

import java.time.Instant;

/**
 * An update request as stored: who filed it ({@code requestedBy} the username, {@code requester} as
 * history names them) within which client ({@code client}, null for a filer without one), what it asks
 * ({@code target} and {@code wishedWindow} as JSON), its image by SHA-256, and where it stands.
 */
public record RequestRow(String id, RequestState state, String requestedBy, String requester, String client,
                         String deviceType, String version, String releaseNotes, String target, String wishedWindow,
                         String contact, String fileName, String sha256, long size, String crc32, int deviceCount,
                         String reason, String campaignId, Instant createdAt, Instant updatedAt) {
}
