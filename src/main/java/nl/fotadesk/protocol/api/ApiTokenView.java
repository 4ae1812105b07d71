package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A personal API token as listed: its value is shown once, when it is issued, and never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiTokenView(String id, String name, String createdAt, String expiresAt, String lastUsedAt) {
}
