package nl.fotadesk.backend.store;

import java.time.Instant;
import java.util.Optional;

/** Signed-in sessions, by the SHA-256 of their token (the token itself is never stored). */
public final class SessionStore {
    /** A session and when it was last used. */
    public record SessionRow(String tokenSha256, String username, Instant createdAt, Instant lastSeenAt) {
    }

    private final Jdbc jdbc;

    public SessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SessionRow session) {
        jdbc.update("INSERT INTO sessions (token_sha256, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                session.tokenSha256(), session.username(), session.createdAt(), session.lastSeenAt());
    }

    public Optional<SessionRow> find(String tokenSha256) {
        return jdbc.one("SELECT token_sha256, username, created_at, last_seen_at FROM sessions WHERE token_sha256 = ?",
                rs -> new SessionRow(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "last_seen_at")), tokenSha256);
    }

    public void touch(String tokenSha256, Instant now) {
        jdbc.update("UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ? AND last_seen_at < ?",
                now, tokenSha256, now);
    }

    public void delete(String tokenSha256) {
        jdbc.update("DELETE FROM sessions WHERE token_sha256 = ?", tokenSha256);
    }

    /** Ends every session of a user (disabled, demoted, password changed). */
    public void deleteOf(String username) {
        jdbc.update("DELETE FROM sessions WHERE username = ?", username);
    }

    /** Forgets sessions idle since before {@code idleSince}; they are refused anyway. */
    public int deleteIdle(Instant idleSince) {
        return jdbc.update("DELETE FROM sessions WHERE last_seen_at < ?", idleSince);
    }
}
