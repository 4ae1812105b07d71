package nl.fotadesk.protocol.api;

import java.util.List;

/** {@code POST /api/v1/users}: {@code client} for customers, {@code deviceTypes} for suppliers, either for a scoped viewer. */
public record NewUser(String username, String password, Role role, String client, List<String> deviceTypes,
                      String displayName) {
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
