package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A client or device type with how many devices (and for device types, firmware images) it has. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(String name, String description, long devices, Long firmware, String createdAt) {
}
