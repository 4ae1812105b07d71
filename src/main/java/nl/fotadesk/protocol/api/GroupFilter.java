package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The criteria of a saved filter group; null fields match anything. {@code firmware} is the reported version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupFilter(String client, String deviceType, String firmware, DeviceStatus status) {
}
