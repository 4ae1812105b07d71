package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Whose a group is: the scope of the supplier ({@code deviceTypes}) or customer ({@code client}) who made
 * it. An operator's group has no owner: it is global.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GroupOwner(String client, List<String> deviceTypes) {
    public GroupOwner {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
    }
}
