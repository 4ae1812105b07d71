package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.secrets.AuthFailureLimit;
import nl.fotadesk.backend.store.ApiTokenStore;
import nl.fotadesk.backend.store.AuditStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.SessionStore;
import nl.fotadesk.backend.store.UserStore;

import java.time.Clock;
import java.util.Optional;

/**
 * Users, their sessions and their personal API tokens, and the audit trail of what they do. Every
 * check reads the database, so a disabled user or a revoked token is refused at once on every node.
 */
public final class Accounts {
    private final Users users;
    private final Sessions sessions;
    private final PersonalTokens tokens;
    private final AuditTrail audit;

    private Accounts(Users users, Sessions sessions, PersonalTokens tokens, AuditTrail audit) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Accounts on {@code jdbc}'s stores; wrong passwords counted in {@code failures} per username and per source. */
    public static Accounts of(Jdbc jdbc, Passwords passwords, AuthFailureLimit failures, Clock clock) {
        UserStore userStore = new UserStore(jdbc);
        SessionStore sessionStore = new SessionStore(jdbc);
        AuditTrail audit = new AuditTrail(new AuditStore(jdbc), clock);
        PasswordGuesses guesses = new PasswordGuesses(failures);
        Users users = new Users(jdbc, userStore, sessionStore, new CatalogStore(jdbc), passwords, guesses, audit, clock);
        return new Accounts(users,
                new Sessions(jdbc, sessionStore, userStore, users, passwords, audit, guesses, clock),
                new PersonalTokens(jdbc, new ApiTokenStore(jdbc), userStore, users, audit, clock), audit);
    }

    /** True when {@code bearer} is a session or a personal token (and not the server's API key). */
    public static boolean isAccountToken(String bearer) {
        return bearer != null && (bearer.startsWith(BearerValues.SESSION_PREFIX)
                || bearer.startsWith(BearerValues.TOKEN_PREFIX));
    }

    /** Who {@code bearer} stands for, if it is a live session or token of an enabled user. */
    public Optional<Principal> authenticate(String bearer, String source) {
        if (bearer == null) {
            return Optional.empty();
        }
        if (bearer.startsWith(BearerValues.SESSION_PREFIX)) {
            return sessions.authenticate(bearer, source);
        }
        return bearer.startsWith(BearerValues.TOKEN_PREFIX) ? tokens.authenticate(bearer, source) : Optional.empty();
    }

    public Users users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public PersonalTokens tokens() {
        return tokens;
    }

    public AuditTrail audit() {
        return audit;
    }
}
