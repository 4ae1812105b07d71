package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A personal API token as listed: its value is shown once, when it is issued, and never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiTokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
