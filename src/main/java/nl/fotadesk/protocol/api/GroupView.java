package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A group: {@code kind} "filter" (with its filter) or "static"; {@code members} is how many devices it holds now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupView(String id, String name, String kind, GroupFilter filter, long members, String createdAt) {
}
