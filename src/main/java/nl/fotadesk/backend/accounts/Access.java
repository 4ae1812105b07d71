package nl.fotadesk.backend.accounts;

/**
 * Who may call a management API route. Every route declares one; scoping to the user's devices is the
 * services' part. Routes whose services do not scope yet are {@link #OPERATOR}.
 */
public enum Access {
    /** Anyone, signed in or not: signing in. */
    PUBLIC,
    /** Any signed-in user, about themselves: their session, password, tokens and own audit lines. */
    SELF,
    /** Any signed-in user, reading within their scope. */
    READ,
    /** Users who may change things (not viewers), within their scope. */
    CHANGE,
    /** Users who may file update requests (not viewers), within their scope. */
    REQUEST,
    /** Operators only. */
    OPERATOR;

    /** Whether {@code principal} (null: not signed in) may call a route of this access. */
    public boolean allows(Principal principal) {
        return switch (this) {
            case PUBLIC -> true;
            case SELF, READ -> principal != null;
            case CHANGE -> principal != null && principal.role().mayChange();
            case REQUEST -> principal != null && principal.role().mayRequest();
            case OPERATOR -> principal != null && principal.isOperator();
        };
    }
}
