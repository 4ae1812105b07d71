package nl.fotadesk.protocol.api;

import java.util.List;

/**
 * {@code PATCH /api/v1/users/{username}}: only the fields given change. A new role comes with the scope
 * it needs; {@code password} resets the password (and ends the user's sessions).
 */
public record UserChange(String displayName, Role role, String client, List<String> deviceTypes, Boolean disabled,
                         String password) {
    @Override
    public String toString() {
        return "UserChange[role=" + role + ", disabled=" + disabled + (password == null ? "" : ", password reset") + "]";
    }
}
