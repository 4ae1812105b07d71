package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.store.ApiTokenStore;
import nl.fotadesk.backend.store.ApiTokenStore.ApiTokenRow;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.UserStore;
import nl.fotadesk.protocol.api.ApiTokenView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
/**
 * Personal API tokens for scripts: a bearer value ({@value BearerValues#TOKEN_PREFIX}...) with its
 * user's rights, shown once, stored only as its SHA-256; it ends when revoked, at its expiry, or when
 * its user is disabled.
 */
public final class PersonalTokens {
    private static final int NAME = 64;
    /** A token's last use is written at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new token; {@code token} is returned here only. */
    public record IssuedToken(String id, String token) {
    }

    private final Jdbc jdbc;
    private final ApiTokenStore store;
    private final UserStore userStore;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    PersonalTokens(Jdbc jdbc, ApiTokenStore store, UserStore userStore, Users users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.userStore = userStore;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who the token {@code bearer} stands for, if it is live and its user enabled. */
    Optional<Principal> authenticate(String bearer, String source) {
        Instant now = clock.instant();
        return store.findByHash(BearerValues.sha256(bearer))
                .filter(t -> t.expiresAt() == null || now.isBefore(t.expiresAt()))
                .flatMap(t -> {
                    if (t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plus(TOUCH_EVERY))) {
                        store.touch(t.id(), now);
                    }
                    return users.enabled(t.username(), source);
                });
    }

    /** @param expiresAt ISO-8601, or null for a token that does not expire */
    public IssuedToken issue(Principal actor, String name, String expiresAt) {
        if (userStore.find(actor.username()).isEmpty()) {
            throw new Forbidden("the API key has no personal tokens; sign in as a user");
        }
        String tokenName = Limits.text("name", name, NAME);
        Instant now = clock.instant();
        Instant end = expiresAt == null ? null : instant("expiresAt", expiresAt);
        if (end != null && !end.isAfter(now)) {
            throw Invalid.field("expiresAt", "a token's expiresAt lies in the future; got " + expiresAt);
        }
        String token = BearerValues.newToken();
        String id = UUID.randomUUID().toString();
        jdbc.inTransaction(() -> {
            store.insert(new ApiTokenRow(id, BearerValues.sha256(token), actor.username(), tokenName, now, end, null));
            audit.done(actor, "token.create", "token/" + id, tokenName);
            return null;
        });
        return new IssuedToken(id, token);
    }

    public List<ApiTokenView> list(Principal actor) {
        return listOf(actor.username());
    }

    /** Another user's tokens, for an operator; an unknown user is not found. */
    public List<ApiTokenView> list(String username) {
        users.get(username);
        return listOf(username);
    }

    public void revoke(Principal actor, String id) {
        revoke(actor, actor.username(), id, null);
    }

    /** An operator revokes another user's token; the audit trail names whose it was. */
    public void revoke(Principal actor, String username, String id) {
        users.get(username);
        revoke(actor, username, id, "of " + username);
    }

    private List<ApiTokenView> listOf(String username) {
        return store.listOf(username).stream()
                .map(t -> new ApiTokenView(t.id(), t.name(), text(t.createdAt()), text(t.expiresAt()), text(t.lastUsedAt())))
                .toList();
    }

    private void revoke(Principal actor, String username, String id, String detail) {
        jdbc.inTransaction(() -> {
            if (!store.delete(id, username)) {
                throw new NotFound("no token " + id);
            }
            audit.done(actor, "token.delete", "token/" + id, detail);
            return null;
        });
    }

    /** An instant the database can store: up to {@link Limits#SCHEDULE_LATEST}, as every instant of the API. */
    private static Instant instant(String field, String value) {
        try {
            Instant at = Instant.parse(value);
            if (!at.isAfter(Limits.SCHEDULE_LATEST)) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw Invalid.field(field, field + " must be an ISO-8601 instant such as 2026-12-03T10:00:00Z, at most "
                + Limits.SCHEDULE_LATEST + "; got " + Limits.quoted(value));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
