package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of creating a client or a device type; only device types have a description. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCatalogEntry(String name, String description) {
}
