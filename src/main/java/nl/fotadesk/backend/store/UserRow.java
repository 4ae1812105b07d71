package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.Role;

import java.time.Instant;
import java.util.List;

/** A user as stored: {@code client} only for customers (and scoped viewers), {@code deviceTypes} for suppliers. */
public record UserRow(String username, String displayName, Role role, String client, List<String> deviceTypes,
                      String passwordHash, boolean disabled, Instant createdAt, Instant updatedAt) {
    public UserRow {
        deviceTypes = List.copyOf(deviceTypes);
    }

    public UserRow withPasswordHash(String hash, Instant now) {
        return new UserRow(username, displayName, role, client, deviceTypes, hash, disabled, createdAt, now);
    }
}
