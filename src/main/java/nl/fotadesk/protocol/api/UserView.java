package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A user as the API shows it: never with a password or its hash. {@code client} and {@code deviceTypes}
 * are always there, as scripts read them: {@code null} and {@code []} for a user without them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserView(String username, String displayName, Role role, String client, List<String> deviceTypes,
                       boolean disabled) {
    public UserView {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
    }
}
