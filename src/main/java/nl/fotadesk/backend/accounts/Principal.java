package nl.fotadesk.backend.accounts;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.Role;

/**
 * Who is making a request, with what rights, and from where ({@code source}, the client's address): a
 * signed-in user, a user's personal API token, or the server's own API key (an operator for
 * automation, named {@value #API_KEY_ACTOR} in the audit trail).
 */
public record Principal(String username, String displayName, Role role, Scope scope, String source) {
    public static final String API_KEY_ACTOR = "api-key";

    public static Principal apiKey(String source) {
        return new Principal(API_KEY_ACTOR, "API key", Role.OPERATOR, Scope.ALL, source);
    }

    /** The server itself (the rollout engine, the command line), where no request is behind a change. */
    public static Principal system(String name) {
        return new Principal(name, name, Role.OPERATOR, Scope.ALL, null);
    }

    /** How history names the actor: "Olga Jansen (operator)", or "the API key". */
    public String described() {
        return username.equals(API_KEY_ACTOR) ? "the API key" : displayName + " (" + role.wireName() + ")";
    }

    /** The role events name beside {@link #displayName()}: the role, or {@value EventCode#API_KEY_ROLE} for the API key. */
    public String eventRole() {
        return username.equals(API_KEY_ACTOR) ? EventCode.API_KEY_ROLE : role.wireName();
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
