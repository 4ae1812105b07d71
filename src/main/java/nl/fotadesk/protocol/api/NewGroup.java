package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A group to create or replace: a saved {@code filter}, or a static list of {@code imeis} (exactly one of them). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewGroup(String name, GroupFilter filter, List<String> imeis) {
}
