package nl.fotadesk.backend.api;

import nl.fotadesk.backend.devices.GroupService;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.NewGroup;

import static nl.fotadesk.backend.accounts.Access.CHANGE;
import static nl.fotadesk.backend.accounts.Access.READ;

/**
 * {@code /api/v1/groups}: saved filters and static IMEI lists, and their members; suppliers and customers
 * keep groups of their own (see {@link GroupService}).
 */
public final class GroupRoutes implements Routes {
    private final GroupService groups;

    public GroupRoutes(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/groups", CHANGE, x -> x.json(201, groups.create(x.principal(), x.body(NewGroup.class))))
                .add("GET", "/api/v1/groups", READ, x -> x.json(200, groups.list(x.principal())))
                .add("GET", "/api/v1/groups/{id}", READ, x -> x.json(200, groups.get(x.principal(), x.path("id"))))
                .add("PUT", "/api/v1/groups/{id}", CHANGE, x -> x.json(200, groups.replace(x.principal(), x.path("id"), x.body(NewGroup.class))))
                .add("DELETE", "/api/v1/groups/{id}", CHANGE, x -> {
                    groups.delete(x.principal(), x.path("id"));
                    x.noContent();
                })
                .add("GET", "/api/v1/groups/{id}/imeis", READ, x -> x.json(200, groups.imeis(x.principal(), x.path("id"))))
                .add("GET", "/api/v1/groups/{id}/devices", READ, x -> x.json(200, groups.members(x.principal(), x.path("id"),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 1, Limits.PAGE, 50))));
    }
}
