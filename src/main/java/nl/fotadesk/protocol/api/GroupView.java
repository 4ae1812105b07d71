package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A group: a saved filter (with its {@code filter}) or a static list; {@code members} is how many devices it
 * holds now (of the caller's scope). {@code owner} is the scope it belongs to (none: an operator's, global);
 * {@code changeable} whether the caller may change and delete it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupView(String id, String name, GroupKind kind, GroupFilter filter, long members, String createdAt,
                        GroupOwner owner, boolean changeable) {
    /** An operator's group, as an operator sees it. */
    public GroupView(String id, String name, GroupKind kind, GroupFilter filter, long members, String createdAt) {
        this(id, name, kind, filter, members, createdAt, null, true);
    }
}
