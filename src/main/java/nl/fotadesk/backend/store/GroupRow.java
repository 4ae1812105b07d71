package nl.fotadesk.backend.store;

import java.time.Instant;
import java.util.List;

/**
 * A saved group: a filter ({@code kind} "filter") or a static IMEI list ("static"). A supplier's or
 * customer's group belongs to their scope ({@code ownerClient}, {@code ownerTypes}); an operator's has
 * neither and is global.
 */
public record GroupRow(String id, String name, String kind, DeviceFilter filter, Instant createdAt,
                       String ownerClient, List<String> ownerTypes) {
    public static final String FILTER = "filter";
    public static final String STATIC = "static";

    public GroupRow {
        ownerTypes = List.copyOf(ownerTypes);
    }
}
