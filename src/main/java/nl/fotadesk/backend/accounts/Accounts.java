package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.domain.Unauthorized;
import nl.fotadesk.backend.secrets.AuthFailureLimit;
import nl.fotadesk.backend.store.ApiTokenStore;
import nl.fotadesk.backend.store.ApiTokenStore.ApiTokenRow;
import nl.fotadesk.backend.store.AuditStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.SessionStore;
import nl.fotadesk.backend.store.SessionStore.SessionRow;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.backend.store.UserRow;
import nl.fotadesk.backend.store.UserStore;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Users, their sessions and their personal API tokens. A session or token is a bearer value of 256
 * random bits with a prefix that says which it is; only its SHA-256 is stored. Every check reads the
 * database, so a disabled user or a revoked token is refused at once on every node.
 */
public final class Accounts {
    /** A session ends when it is not used for this long. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    static final String SESSION_PREFIX = "fds_";
    static final String TOKEN_PREFIX = "fdt_";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final int DISPLAY_NAME = 128;
    private static final int TOKEN_NAME = 64;
    /** A session's last use is written at most this often, so reading pages is not a write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    private final UserStore users;
    private final SessionStore sessions;
    private final ApiTokenStore tokens;
    private final CatalogStore catalog;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final AuthFailureLimit failures;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Accounts(Jdbc jdbc, UserStore users, SessionStore sessions, ApiTokenStore tokens, CatalogStore catalog,
                    Passwords passwords, AuditTrail audit, AuthFailureLimit failures, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.catalog = catalog;
        this.passwords = passwords;
        this.audit = audit;
        this.failures = failures;
        this.clock = clock;
    }

    /** Accounts on {@code jdbc}'s stores; sign-in failures counted in {@code failures} per username and per source. */
    public static Accounts of(Jdbc jdbc, Passwords passwords, AuthFailureLimit failures, Clock clock) {
        return new Accounts(jdbc, new UserStore(jdbc), new SessionStore(jdbc), new ApiTokenStore(jdbc),
                new CatalogStore(jdbc), passwords, new AuditTrail(new AuditStore(jdbc), clock), failures, clock);
    }

    public AuditTrail audit() {
        return audit;
    }

    /** True when {@code bearer} looks like one of ours (and not the server's API key). */
    public static boolean isAccountToken(String bearer) {
        return bearer != null && (bearer.startsWith(SESSION_PREFIX) || bearer.startsWith(TOKEN_PREFIX));
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
        String userKey = "user:" + (username == null ? "" : username);
        for (String key : new String[]{userKey, AuthFailureLimit.source(source)}) {
            Optional<Duration> blocked = key == null ? Optional.empty() : failures.blockedFor(key);
            if (blocked.isPresent()) {
                throw new TooManyAttempts(blocked.get());
            }
        }
        Optional<UserRow> user = users.find(username);
        boolean verified = user.isPresent() ? passwords.verifies(user.get().passwordHash(), password) : fakeCheck(password);
        if (!verified || user.get().disabled()) {
            failures.failed(userKey);
            if (source != null) {
                failures.failed(AuthFailureLimit.source(source));
            }
            Principal who = user.map(u -> principal(u, source))
                    .orElse(new Principal(shortName(username), "", Role.VIEWER, Scope.ALL, source));
            jdbc.inTransaction(() -> {
                audit.refused(who, "session.create", "user/" + who.username(), "wrong username or password, or disabled");
                return null;
            });
            throw new Unauthorized("wrong username or password");
        }
        String token = newToken(SESSION_PREFIX);
        Instant now = clock.instant();
        jdbc.inTransaction(() -> {
            sessions.insert(new SessionRow(sha256(token), username, now, now));
            audit.done(principal(user.get(), source), "session.create", "user/" + username, null);
            return null;
        });
        return new Session(token, now.plus(IDLE).toString(), view(user.get()));
    }

    /** Who {@code bearer} stands for, if it is a live session or token of an enabled user. */
    public Optional<Principal> authenticate(String bearer, String source) {
        if (bearer == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (bearer.startsWith(SESSION_PREFIX)) {
            String hash = sha256(bearer);
            return sessions.find(hash).filter(s -> now.isBefore(s.lastSeenAt().plus(IDLE))).flatMap(s -> {
                if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) {
                    sessions.touch(hash, now);
                }
                return enabled(s.username(), source);
            });
        }
        if (bearer.startsWith(TOKEN_PREFIX)) {
            return tokens.findByHash(sha256(bearer))
                    .filter(t -> t.expiresAt() == null || now.isBefore(t.expiresAt()))
                    .flatMap(t -> {
                        if (t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plus(TOUCH_EVERY))) {
                            tokens.touch(t.id(), now);
                        }
                        return enabled(t.username(), source);
                    });
        }
        return Optional.empty();
    }

    /**
     * Who {@code actor} is, and when the session of {@code bearer} ends if it is not used before (none for
     * a token or the API key).
     */
    public Session current(Principal actor, String bearer) {
        String end = bearer != null && bearer.startsWith(SESSION_PREFIX)
                ? sessions.find(sha256(bearer)).map(s -> s.lastSeenAt().plus(IDLE).toString()).orElse(null) : null;
        UserView user = users.find(actor.username()).map(Accounts::view).orElse(new UserView(actor.username(),
                actor.displayName(), actor.role(), actor.scope().client(), null, false));
        return new Session(null, end, user);
    }

    /** Ends the session of {@code bearer}; a token or the API key has no session to end. */
    public void signOut(Principal actor, String bearer) {
        if (bearer == null || !bearer.startsWith(SESSION_PREFIX)) {
            throw new Invalid("not_a_session", "only a session signs out; a token is revoked with DELETE /api/v1/tokens/{id}");
        }
        jdbc.inTransaction(() -> {
            sessions.delete(sha256(bearer));
            audit.done(actor, "session.delete", "user/" + actor.username(), null);
            return null;
        });
    }

    public UserView create(Principal actor, NewUser request) {
        String username = username(request.username());
        Passwords.checkStrength(username, request.password());
        Scope scope = scope(request.role(), request.client(), request.deviceTypes());
        String displayName = displayName(request.displayName(), username);
        String hash = passwords.hash(request.password());
        Instant now = clock.instant();
        UserRow row = new UserRow(username, displayName, request.role(), scope.client(),
                List.copyOf(scope.deviceTypes()).stream().sorted().toList(), hash, false, now, now);
        try {
            jdbc.inTransaction(() -> {
                users.insert(row);
                audit.done(actor, "user.create", "user/" + username, describe(row));
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw new Conflict("user_exists", "there is a user " + username + " already");
            }
            throw e;
        }
        return view(row);
    }

    public List<UserView> list() {
        return users.list().stream().map(Accounts::view).toList();
    }

    public UserView get(String username) {
        return users.find(username).map(Accounts::view).orElseThrow(() -> noUser(username));
    }

    /** Changes what {@code change} gives; the last enabled operator cannot be disabled or demoted. */
    public UserView change(Principal actor, String username, UserChange change) {
        Role role = change.role();
        String hash = change.password() == null ? null : strongHash(username, change.password());
        return jdbc.inTransaction(() -> {
            UserRow now = users.lock(username).orElseThrow(() -> noUser(username));
            Role newRole = role == null ? now.role() : role;
            boolean scopeGiven = role != null || change.client() != null || change.deviceTypes() != null;
            Scope scope = scopeGiven ? scope(newRole, change.client(), change.deviceTypes())
                    : new Scope(now.client(), java.util.Set.copyOf(now.deviceTypes()));
            boolean disabled = change.disabled() == null ? now.disabled() : change.disabled();
            if (now.role() == Role.OPERATOR && !now.disabled() && (newRole != Role.OPERATOR || disabled)) {
                keepOneOperator(username);
            }
            UserRow changed = new UserRow(username,
                    change.displayName() == null ? now.displayName() : displayName(change.displayName(), username),
                    newRole, scope.client(), scope.deviceTypes().stream().sorted().toList(),
                    hash == null ? now.passwordHash() : hash, disabled, now.createdAt(), clock.instant());
            users.update(changed);
            if (disabled || hash != null || newRole != now.role() || scopeGiven) {
                sessions.deleteOf(username);
            }
            audit.done(actor, "user.change", "user/" + username, describe(changed)
                    + (hash == null ? "" : ", password reset"));
            return view(changed);
        });
    }

    public void delete(Principal actor, String username) {
        jdbc.inTransaction(() -> {
            UserRow user = users.lock(username).orElseThrow(() -> noUser(username));
            if (user.role() == Role.OPERATOR && !user.disabled()) {
                keepOneOperator(username);
            }
            users.delete(username);
            audit.done(actor, "user.delete", "user/" + username, null);
            return null;
        });
    }

    /** A user changes their own password, proving they know the current one; their other sessions end. */
    public void changeOwnPassword(Principal actor, String current, String next) {
        UserRow user = users.find(actor.username()).orElseThrow(() -> new Forbidden(
                "the API key has no password; sign in as a user"));
        if (current == null || !passwords.verifies(user.passwordHash(), current)) {
            throw Invalid.field("currentPassword", "the current password is wrong");
        }
        String hash = strongHash(user.username(), next);
        jdbc.inTransaction(() -> {
            users.update(user.withPasswordHash(hash, clock.instant()));
            sessions.deleteOf(user.username());
            audit.done(actor, "user.password", "user/" + user.username(), null);
            return null;
        });
    }

    /** A personal API token with its user's rights; {@code token} is returned here only. */
    public record IssuedToken(String id, String token) {
    }

    /** @param expiresAt ISO-8601, or null for a token that does not expire */
    public IssuedToken issueToken(Principal actor, String name, String expiresAt) {
        if (users.find(actor.username()).isEmpty()) {
            throw new Forbidden("the API key has no personal tokens; sign in as a user");
        }
        String tokenName = Limits.text("name", name, TOKEN_NAME);
        Instant now = clock.instant();
        Instant end = expiresAt == null ? null : instant("expiresAt", expiresAt);
        if (end != null && !end.isAfter(now)) {
            throw Invalid.field("expiresAt", "a token's expiresAt lies in the future; got " + expiresAt);
        }
        String token = newToken(TOKEN_PREFIX);
        String id = UUID.randomUUID().toString();
        jdbc.inTransaction(() -> {
            tokens.insert(new ApiTokenRow(id, sha256(token), actor.username(), tokenName, now, end, null));
            audit.done(actor, "token.create", "token/" + id, tokenName);
            return null;
        });
        return new IssuedToken(id, token);
    }

    public List<ApiTokenView> tokens(Principal actor) {
        return tokens.listOf(actor.username()).stream()
                .map(t -> new ApiTokenView(t.id(), t.name(), text(t.createdAt()), text(t.expiresAt()), text(t.lastUsedAt())))
                .toList();
    }

    public void revokeToken(Principal actor, String id) {
        jdbc.inTransaction(() -> {
            if (!tokens.delete(id, actor.username())) {
                throw new NotFound("no token " + id);
            }
            audit.done(actor, "token.delete", "token/" + id, null);
            return null;
        });
    }

    private Optional<Principal> enabled(String username, String source) {
        return users.find(username).filter(u -> !u.disabled()).map(u -> principal(u, source));
    }

    private void keepOneOperator(String username) {
        List<String> operators = users.lockActiveOperators();
        if (operators.size() == 1 && operators.get(0).equals(username)) {
            throw new Conflict("last_operator", "the last operator who can sign in cannot be disabled, demoted"
                    + " or deleted");
        }
    }

    private String strongHash(String username, String password) {
        Passwords.checkStrength(username, password);
        return passwords.hash(password);
    }

    private boolean fakeCheck(String password) {
        passwords.verifyNothing(password);
        return false;
    }

    /** The scope a role needs, from what was given; refuses a scope the role does not take. */
    private Scope scope(Role role, String client, List<String> deviceTypes) {
        if (role == null) {
            throw Invalid.field("role", "a role is required: operator, supplier, customer or viewer");
        }
        List<String> types = deviceTypes == null ? List.of() : deviceTypes;
        switch (role) {
            case OPERATOR -> {
                if (client != null || !types.isEmpty()) {
                    throw Invalid.field("role", "an operator works on all devices and has no client or device types");
                }
                return Scope.ALL;
            }
            case CUSTOMER -> {
                if (client == null || !types.isEmpty()) {
                    throw Invalid.field("client", "a customer has exactly one client and no device types");
                }
                return Scope.ofClient(existingClient(client));
            }
            case SUPPLIER -> {
                if (client != null || types.isEmpty()) {
                    throw Invalid.field("deviceTypes", "a supplier has one or more device types and no client");
                }
                return Scope.ofDeviceTypes(existingTypes(types));
            }
            case VIEWER -> {
                if (client != null && !types.isEmpty()) {
                    throw Invalid.field("client", "a viewer sees one client or some device types, not both");
                }
                return client != null ? Scope.ofClient(existingClient(client))
                        : types.isEmpty() ? Scope.ALL : Scope.ofDeviceTypes(existingTypes(types));
            }
        }
        throw new IllegalStateException("unknown role " + role);
    }

    private String existingClient(String client) {
        if (!catalog.clientExists(client)) {
            throw Invalid.field("client", "there is no client " + Limits.quoted(client));
        }
        return client;
    }

    private List<String> existingTypes(List<String> types) {
        List<String> names = new ArrayList<>();
        for (String type : types) {
            if (type == null || !catalog.deviceTypeExists(type)) {
                throw Invalid.field("deviceTypes", "there is no device type " + Limits.quoted(type));
            }
            if (!names.contains(type)) {
                names.add(type);
            }
        }
        return names;
    }

    private static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw Invalid.field("username", "a username has 1 to 64 characters: lowercase letters, digits and . _ @ -,"
                    + " starting with a letter or digit");
        }
        return username;
    }

    private static String displayName(String displayName, String username) {
        if (displayName == null || displayName.isBlank()) {
            return username;
        }
        String trimmed = displayName.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > DISPLAY_NAME
                || trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || c > 0xFFFF)) {
            throw Invalid.field("displayName", "a display name has at most " + DISPLAY_NAME
                    + " characters, without control characters");
        }
        return trimmed;
    }

    private static String shortName(String username) {
        return username.length() <= 64 ? username : username.substring(0, 64);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Invalid.field(field, field + " must be an ISO-8601 instant such as 2026-12-03T10:00:00Z; got "
                    + Limits.quoted(value));
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static NotFound noUser(String username) {
        return new NotFound("no user " + username);
    }

    private static Principal principal(UserRow user, String source) {
        return new Principal(user.username(), user.displayName(), user.role(),
                new Scope(user.client(), java.util.Set.copyOf(user.deviceTypes())), source);
    }

    static UserView view(UserRow user) {
        return new UserView(user.username(), user.displayName(), user.role(), user.client(),
                user.deviceTypes().isEmpty() ? null : user.deviceTypes(), user.disabled());
    }

    private static String describe(UserRow user) {
        return "role " + user.role().wireName() + (user.client() == null ? "" : ", client " + user.client())
                + (user.deviceTypes().isEmpty() ? "" : ", device types " + String.join(", ", user.deviceTypes()))
                + (user.disabled() ? ", disabled" : "");
    }

    private String newToken(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
