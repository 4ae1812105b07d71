package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.GroupRow;
import nl.fotadesk.backend.store.GroupStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.ProtocolException;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Page;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved groups of devices: filters that follow the fleet, and static IMEI lists. */
public final class GroupService {
    private final Jdbc jdbc;
    private final GroupStore store;
    private final DeviceService devices;
    private final AuditTrail audit;
    private final Clock clock;

    public GroupService(Jdbc jdbc, GroupStore store, DeviceService devices, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.devices = devices;
        this.clock = clock;
    }

    public GroupView create(Principal actor, NewGroup g) {
        String id = UUID.randomUUID().toString();
        save(actor, id, g, true);
        return get(id);
    }

    public GroupView replace(Principal actor, String id, NewGroup g) {
        GroupRow existing = find(id);
        if (!existing.kind().equals(kind(g))) {
            throw new Invalid("invalid_group", "a " + existing.kind() + " group stays a " + existing.kind()
                    + " group; create a new group instead");
        }
        save(actor, id, g, false);
        return get(id);
    }

    public void delete(Principal actor, String id) {
        GroupRow g = find(id);
        jdbc.inTransaction(() -> {
            store.delete(id);
            audit.done(actor, "group.delete", "group/" + id, g.name());
            return null;
        });
    }

    public GroupView get(String id) {
        return view(find(id), Scope.ALL);
    }

    /** The group if {@code who} sees it: a scoped user sees the groups that hold devices of theirs. */
    public GroupView get(Principal who, String id) {
        return view(visible(who.scope(), id), who.scope());
    }

    /** The groups {@code who} sees, each counting only the members in their scope. */
    public List<GroupView> list(Principal who) {
        Scope scope = who.scope();
        return store.list().stream().map(g -> view(g, scope)).filter(v -> scope.isAll() || v.members() > 0).toList();
    }

    /**
     * A static group's IMEI list as stored, registered or not (a filter group has none); for a scoped
     * user only the registered devices of theirs.
     */
    public List<String> imeis(Principal who, String id) {
        GroupRow g = visible(who.scope(), id);
        if (!GroupRow.STATIC.equals(g.kind())) {
            throw new Invalid("not_static", "group " + g.name() + " is a filter; it has no IMEI list");
        }
        return who.scope().isAll() ? store.members(id) : devices.imeis(who.scope().narrow(filter(g)));
    }

    public Page<DeviceView> members(Principal who, String id, int offset, int limit) {
        return devices.pageOf(who.scope().narrow(filter(visible(who.scope(), id))), offset, limit);
    }

    /** The group, if {@code scope} sees it; else not found, as an unknown id. */
    private GroupRow visible(Scope scope, String id) {
        GroupRow g = find(id);
        if (!scope.isAll() && devices.count(scope.narrow(filter(g))) == 0) {
            throw new NotFound("no group with id " + Limits.shortened(id));
        }
        return g;
    }

    /** The device filter that selects a group's members. */
    public DeviceFilter filter(GroupRow g) {
        return GroupRow.STATIC.equals(g.kind()) ? DeviceFilter.ALL.withGroup(g.id()) : g.filter();
    }

    private void save(Principal actor, String id, NewGroup g, boolean create) {
        String name = g.name() == null ? "" : g.name().trim();
        Limits.text("name", name, Limits.NAME);
        String kind = kind(g);
        List<String> imeis = GroupRow.STATIC.equals(kind) ? imeis(g.imeis()) : List.of();
        GroupFilter f = g.filter();
        DeviceFilter filter = f == null ? null : new DeviceFilter(
                f.client() == null ? null : Names.name("client", f.client()),
                f.deviceType() == null ? null : Names.name("deviceType", f.deviceType()),
                f.status(), f.firmware() == null ? null : Names.version("firmware", f.firmware()));
        GroupRow row = new GroupRow(id, name, kind, filter, clock.instant());
        try {
            jdbc.inTransaction(() -> {
                if (create) {
                    store.insert(row);
                } else {
                    store.update(row);
                }
                if (GroupRow.STATIC.equals(kind)) {
                    store.setMembers(id, imeis);
                }
                audit.done(actor, create ? "group.create" : "group.change", "group/" + id, name + ", " + kind
                        + (GroupRow.STATIC.equals(kind) ? ", " + imeis.size() + " IMEIs" : ""));
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw new Conflict("duplicate_group", "a group named \"" + name + "\" exists already");
            }
            throw e;
        }
    }

    private static String kind(NewGroup g) {
        if ((g.filter() == null) == (g.imeis() == null)) {
            throw new Invalid("invalid_group", "a group has either a filter or a list of imeis");
        }
        return g.filter() != null ? GroupRow.FILTER : GroupRow.STATIC;
    }

    private static List<String> imeis(List<String> given) {
        if (given.size() > Limits.IMEI_LIST) {
            throw new Invalid("invalid_group", "a static group holds at most " + Limits.IMEI_LIST + " devices");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                unique.add(Imei.requireValid(given.get(i) == null ? null : given.get(i).trim()));
            } catch (ProtocolException e) {
                throw new Invalid("invalid_imei", "imeis[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(unique);
    }

    private GroupRow find(String id) {
        return (Limits.isId(id) ? store.find(id) : Optional.<GroupRow>empty())
                .orElseThrow(() -> new NotFound("no group with id " + Limits.shortened(id)));
    }

    private GroupView view(GroupRow g, Scope scope) {
        DeviceFilter f = g.filter();
        GroupFilter filter = GroupRow.FILTER.equals(g.kind())
                ? new GroupFilter(f.client(), f.deviceType(), f.firmware(), f.status()) : null;
        long members = !scope.isAll() ? devices.count(scope.narrow(filter(g)))
                : GroupRow.STATIC.equals(g.kind()) ? store.memberCount(g.id()) : devices.count(filter(g));
        return new GroupView(g.id(), g.name(), GroupKind.fromWire(g.kind()), filter, members, g.createdAt().toString());
    }
}
