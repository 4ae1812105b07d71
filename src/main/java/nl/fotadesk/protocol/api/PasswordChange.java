package nl.fotadesk.protocol.api;

/** {@code PUT /api/v1/users/me/password}: a user's own new password, with the current one as proof. */
public record PasswordChange(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
