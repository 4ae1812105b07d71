package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A signed-in session: the bearer token to send (only in the answer to signing in), when it ends if
 * unused, and who it is for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(String token, String expiresAt, UserView user) {
    @Override
    public String toString() {
        return "Session[user=" + (user == null ? null : user.username()) + ", expiresAt=" + expiresAt + "]";
    }
}
