package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A group: a saved filter (with its {@code filter}) or a static list; {@code members} is how many devices it holds now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupView(String id, String name, GroupKind kind, GroupFilter filter, long members, String createdAt) {
}
