package nl.fotadesk.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal API tokens, by the SHA-256 of their value (shown once, never stored). */
public final class ApiTokenStore {
    /** A token; {@code expiresAt} null for one that does not expire. */
    public record ApiTokenRow(String id, String tokenSha256, String username, String name, Instant createdAt,
                              Instant expiresAt, Instant lastUsedAt) {
    }

    private static final String COLUMNS = "id, token_sha256, username, name, created_at, expires_at, last_used_at";

    private final Jdbc jdbc;

    public ApiTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiTokenRow token) {
        jdbc.update("INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", token.id(),
                token.tokenSha256(), token.username(), token.name(), token.createdAt(), token.expiresAt(),
                token.lastUsedAt());
    }

    public Optional<ApiTokenRow> findByHash(String tokenSha256) {
        return jdbc.one("SELECT " + COLUMNS + " FROM api_tokens WHERE token_sha256 = ?", ApiTokenStore::map, tokenSha256);
    }

    public List<ApiTokenRow> listOf(String username) {
        return jdbc.list("SELECT " + COLUMNS + " FROM api_tokens WHERE username = ? ORDER BY created_at, name, id",
                ApiTokenStore::map, username);
    }

    public boolean delete(String id, String username) {
        return jdbc.update("DELETE FROM api_tokens WHERE id = ? AND username = ?", id, username) == 1;
    }

    public void touch(String id, Instant now) {
        jdbc.update("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id);
    }

    private static ApiTokenRow map(ResultSet rs) throws SQLException {
        return new ApiTokenRow(rs.getString("id"), rs.getString("token_sha256"), rs.getString("username"),
                rs.getString("name"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "last_used_at"));
    }
}
