package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.SessionStore;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.backend.store.UserRow;
import nl.fotadesk.backend.store.UserStore;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
/**
 * Users: their role and scope, their password, enabled or not. Only operators manage users (the
 * routes say so); the last operator who can sign in always stays. A change that takes rights away
 * (disabled, another role or scope, a new password) ends the user's sessions.
 */
public final class Users {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final int DISPLAY_NAME = 128;

    private final Jdbc jdbc;
    private final UserStore users;
    private final SessionStore sessions;
    private final CatalogStore catalog;
    private final Passwords passwords;
    private final PasswordGuesses guesses;
    private final AuditTrail audit;
    private final Clock clock;

    Users(Jdbc jdbc, UserStore users, SessionStore sessions, CatalogStore catalog, Passwords passwords,
          PasswordGuesses guesses, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.catalog = catalog;
        this.passwords = passwords;
        this.guesses = guesses;
        this.audit = audit;
        this.clock = clock;
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
        return users.list().stream().map(Users::view).toList();
    }

    public UserView get(String username) {
        return users.find(username).map(Users::view).orElseThrow(() -> noUser(username));
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
                    : new Scope(now.client(), Set.copyOf(now.deviceTypes()));
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

    /**
     * A user changes their own password, proving they know the current one; their other sessions end. A
     * wrong current password counts as a wrong sign-in would (a stolen session buys no faster guessing)
     * and is audited.
     *
     * @throws TooManyAttempts when the user or the caller's address guessed wrong too often
     */
    public void changeOwnPassword(Principal actor, String current, String next) {
        UserRow user = users.find(actor.username()).orElseThrow(() -> new Forbidden(
                "the API key has no password; sign in as a user"));
        if (current == null) {
            throw Invalid.field("currentPassword", "the current password is required");
        }
        guesses.checkAllowed(user.username(), actor.source());
        if (!passwords.verifies(user.passwordHash(), current)) {
            guesses.wrong(user.username(), actor.source());
            jdbc.inTransaction(() -> {
                audit.refused(actor, "user.password", "user/" + user.username(), "wrong current password");
                return null;
            });
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

    Optional<Principal> enabled(String username, String source) {
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

    /** The scope a role needs, from what was given; refuses a scope the role does not take. */
    private Scope scope(Role role, String client, List<String> deviceTypes) {
        if (role == null) {
            throw Invalid.field("role", "a role is required: operator, supplier, customer, viewer or requester");
        }
        List<String> types = deviceTypes == null ? List.of() : deviceTypes;
        switch (role) {
            case OPERATOR -> {
                if (client != null || !types.isEmpty()) {
                    throw Invalid.field("role", "an operator works on all devices and has no client or device types");
                }
                return Scope.ALL;
            }
            case CUSTOMER, REQUESTER -> {
                if (client == null || !types.isEmpty()) {
                    throw Invalid.field("client", "a " + role.wireName() + " has exactly one client and no device types");
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

    /** Text that is no storable name (e.g. with U+0000, which PostgreSQL refuses even to compare) names nothing. */
    private String existingClient(String client) {
        if (Limits.textProblem(client, Limits.NAME) != null || !catalog.clientExists(client)) {
            throw Invalid.field("client", "there is no client " + Limits.quoted(client));
        }
        return client;
    }

    private List<String> existingTypes(List<String> types) {
        List<String> names = new ArrayList<>();
        for (String type : types) {
            if (Limits.textProblem(type, Limits.NAME) != null || !catalog.deviceTypeExists(type)) {
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

    private static NotFound noUser(String username) {
        return new NotFound("no user " + username);
    }

    static Principal principal(UserRow user, String source) {
        return new Principal(user.username(), user.displayName(), user.role(),
                new Scope(user.client(), Set.copyOf(user.deviceTypes())), source);
    }

    static UserView view(UserRow user) {
        return new UserView(user.username(), user.displayName(), user.role(), user.client(), user.deviceTypes(),
                user.disabled());
    }

    private static String describe(UserRow user) {
        return "role " + user.role().wireName() + (user.client() == null ? "" : ", client " + user.client())
                + (user.deviceTypes().isEmpty() ? "" : ", device types " + String.join(", ", user.deviceTypes()))
                + (user.disabled() ? ", disabled" : "");
    }
}
