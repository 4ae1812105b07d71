package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.domain.Unauthorized;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.SessionStore;
import nl.fotadesk.backend.store.SessionStore.SessionRow;
import nl.fotadesk.backend.store.UserRow;
import nl.fotadesk.backend.store.UserStore;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
/**
 * Signing in and out. A session is a bearer value ({@value BearerValues#SESSION_PREFIX}...) stored only
 * as its SHA-256; it ends after {@link #IDLE} without use. Failed sign-ins are counted per username and
 * per source address, and recorded in the audit trail.
 */
public final class Sessions {
    /** A session ends when it is not used for this long. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** A session's last use is written at most this often, so reading pages is not a write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    private final SessionStore store;
    private final UserStore userStore;
    private final Users users;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final PasswordGuesses guesses;
    private final Clock clock;

    Sessions(Jdbc jdbc, SessionStore store, UserStore userStore, Users users, Passwords passwords, AuditTrail audit,
             PasswordGuesses guesses, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.userStore = userStore;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.guesses = guesses;
        this.clock = clock;
    }

    /**
     * Signs a user in. Failures are counted per username and per source; past the limit either is
     * refused for a while, whatever the password.
     *
     * @throws Invalid when the username or password is missing
     * @throws Unauthorized for a wrong username or password, or a disabled user (one message for all)
     * @throws TooManyAttempts when the username or the source failed too often
     */
    public Session signIn(String username, String password, String source) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw Invalid.field(username == null || username.isEmpty() ? "username" : "password",
                    "signing in takes a username and a password");
        }
        guesses.checkAllowed(username, source);
        Optional<UserRow> user = userStore.find(username);
        boolean verified = user.isPresent() ? passwords.verifies(user.get().passwordHash(), password) : fakeCheck(password);
        if (!verified || user.get().disabled()) {
            guesses.wrong(username, source);
            String name = shortName(username);
            String why = "wrong username or password, or disabled";
            jdbc.inTransaction(() -> {
                if (user.isPresent()) {
                    audit.refused(Users.principal(user.get(), source), "session.create", "user/" + name, why);
                } else {
                    audit.refusedUnknown(name, source, "session.create", "user/" + name, why);
                }
                return null;
            });
            throw new Unauthorized("wrong username or password");
        }
        String token = BearerValues.newSession();
        Instant now = clock.instant();
        jdbc.inTransaction(() -> {
            store.insert(new SessionRow(BearerValues.sha256(token), username, now, now));
            audit.done(Users.principal(user.get(), source), "session.create", "user/" + username, null);
            return null;
        });
        return new Session(token, now.plus(IDLE).toString(), Users.view(user.get()));
    }

    /** Who the session {@code bearer} stands for, if it is live and its user enabled; each use keeps it alive. */
    Optional<Principal> authenticate(String bearer, String source) {
        Instant now = clock.instant();
        String hash = BearerValues.sha256(bearer);
        return store.find(hash).filter(s -> now.isBefore(s.lastSeenAt().plus(IDLE))).flatMap(s -> {
            if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) {
                store.touch(hash, now);
            }
            return users.enabled(s.username(), source);
        });
    }

    /**
     * Who {@code actor} is, and when the session of {@code bearer} ends if it is not used before (none for
     * a token or the API key).
     */
    public Session current(Principal actor, String bearer) {
        String end = bearer != null && bearer.startsWith(BearerValues.SESSION_PREFIX)
                ? store.find(BearerValues.sha256(bearer)).map(s -> s.lastSeenAt().plus(IDLE).toString()).orElse(null) : null;
        UserView user = userStore.find(actor.username()).map(Users::view).orElse(new UserView(actor.username(),
                actor.displayName(), actor.role(), actor.scope().client(), actor.scope().deviceTypes().stream().sorted().toList(),
                false));
        return new Session(null, end, user);
    }

    /** Ends the session of {@code bearer}; a token or the API key has no session to end. */
    public void signOut(Principal actor, String bearer) {
        if (bearer == null || !bearer.startsWith(BearerValues.SESSION_PREFIX)) {
            throw new Invalid("not_a_session", "only a session signs out; a token is revoked with DELETE /api/v1/tokens/{id}");
        }
        jdbc.inTransaction(() -> {
            store.delete(BearerValues.sha256(bearer));
            audit.done(actor, "session.delete", "user/" + actor.username(), null);
            return null;
        });
    }

    private boolean fakeCheck(String password) {
        passwords.verifyNothing(password);
        return false;
    }

    /** A tried username as the audit can keep it: control characters (U+0000 among them) as '?', at most 64 characters. */
    private static String shortName(String username) {
        String printable = username.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64);
    }
}
