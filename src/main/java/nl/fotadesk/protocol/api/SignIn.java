package nl.fotadesk.protocol.api;

/** {@code POST /api/v1/sessions}. */
public record SignIn(String username, String password) {
    @Override
    public String toString() {
        return "SignIn[username=" + username + "]";
    }
}
