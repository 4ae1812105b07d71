package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A user as the API shows it: never with a password or its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String username, String displayName, Role role, String client, List<String> deviceTypes,
                       boolean disabled) {
}
