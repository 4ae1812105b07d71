package nl.fotadesk.backend.store;

import java.time.Instant;

/** A saved group: a filter ({@code kind} "filter") or a static IMEI list ("static"). */
public record GroupRow(String id, String name, String kind, DeviceFilter filter, Instant createdAt) {
    public static final String FILTER = "filter";
    public static final String STATIC = "static";
}
