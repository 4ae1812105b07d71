package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.GroupRow;
import nl.fotadesk.backend.store.GroupStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.ProtocolException;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Page;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Saved groups of devices: filters that follow the fleet, and static IMEI lists. Who sees and changes which:
 * <ul>
 * <li>A group made by a supplier or a customer belongs to their scope (its owner): it holds only devices of
 * that scope, whoever looks, and names no client, type or device outside it. The users whose scope covers
 * the owner's see it; suppliers and customers among them change and delete it.</li>
 * <li>An operator's group is global. A scoped user sees it while it holds devices of theirs (only those
 * counted and listed) and may not change it (403).</li>
 * <li>Operators see and change every group; any other group is unknown to a scoped user (404).</li>
 * </ul>
 * Names are unique per owner, so that a name taken by another party's group tells nothing.
 */
public final class GroupService {
    /** How a refusal names an owned group's scope to a writer whose scope it is not (an operator, say). */
    private static final String OWNERS_SCOPE = "the scope of this group's owner";
    /** The error of such a refusal, which the owner gets as an invalid group. */
    private static final String OUTSIDE_OWNER_SCOPE = "outside_owner_scope";

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

    /** A group of the actor's scope (an operator's is global). */
    public GroupView create(Principal actor, NewGroup g) {
        String id = UUID.randomUUID().toString();
        save(actor, id, g, actor.scope(), true);
        return get(actor, id);
    }

    public GroupView replace(Principal actor, String id, NewGroup g) {
        GroupRow existing = writable(actor, id);
        if (!existing.kind().equals(kind(g))) {
            throw new Invalid("invalid_group", "a " + existing.kind() + " group stays a " + existing.kind()
                    + " group; create a new group instead");
        }
        save(actor, id, g, owner(existing), false);
        return get(actor, id);
    }

    public void delete(Principal actor, String id) {
        GroupRow g = writable(actor, id);
        jdbc.inTransaction(() -> {
            store.delete(id);
            audit.done(actor, "group.delete", "group/" + id, g.name());
            return null;
        });
    }

    /** The group if {@code who} sees it, counting only the members in their scope. */
    public GroupView get(Principal who, String id) {
        return view(visible(who.scope(), id), who);
    }

    /** The groups {@code who} sees, each counting only the members in their scope. */
    public List<GroupView> list(Principal who) {
        return store.list().stream().filter(g -> sees(who.scope(), g, devices::count)).map(g -> view(g, who)).toList();
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
        return who.scope().isAll() && owner(g).isAll() ? store.members(id) : devices.imeis(who.scope().narrow(members(g)));
    }

    public Page<DeviceView> members(Principal who, String id, int offset, int limit) {
        return devices.pageOf(who.scope().narrow(members(visible(who.scope(), id))), offset, limit);
    }

    /**
     * Whether {@code scope} sees {@code g}: its own groups (and those of a scope it covers) always, an
     * operator's group while it holds devices in the scope ({@code count} counts a filter's devices).
     */
    public static boolean sees(Scope scope, GroupRow g, ToLongFunction<DeviceFilter> count) {
        Scope owner = owner(g);
        return scope.covers(owner) || owner.isAll() && count.applyAsLong(scope.narrow(members(g))) > 0;
    }

    /** The device filter that selects a group's members: its list or its filter, within its owner's scope. */
    public static DeviceFilter members(GroupRow g) {
        return owner(g).narrow(GroupRow.STATIC.equals(g.kind()) ? DeviceFilter.ALL.withGroup(g.id()) : g.filter());
    }

    private static Scope owner(GroupRow g) {
        return new Scope(g.ownerClient(), Set.copyOf(g.ownerTypes()));
    }

    /** The group, if {@code scope} sees it; else not found, as an unknown id. */
    private GroupRow visible(Scope scope, String id) {
        GroupRow g = find(id);
        if (!sees(scope, g, devices::count)) {
            throw new NotFound("no group with id " + Limits.shortened(id));
        }
        return g;
    }

    /** The group, if {@code actor} may change it: one they see but do not own is an operator's. */
    private GroupRow writable(Principal actor, String id) {
        GroupRow g = visible(actor.scope(), id);
        if (!actor.scope().covers(owner(g))) {
            throw new Forbidden("group \"" + g.name() + "\" is an operator's; only operators change it");
        }
        return g;
    }

    /**
     * Stores the group for {@code owner}. What a group holds stays within its owner's scope, whoever writes
     * it: a filter naming another client or type is refused (400), and so is a listed device the writer sees
     * outside that scope; an IMEI that is no device the writer sees is not found (404), as for campaigns. The
     * refusals name the owner's scope as the writer's own only when it is, and tell anyone else (an operator)
     * apart by their error. An operator's (global) group holds anything.
     */
    private void save(Principal actor, String id, NewGroup g, Scope owner, boolean create) {
        String name = g.name() == null ? "" : g.name().trim();
        Limits.text("name", name, Limits.NAME);
        String kind = kind(g);
        List<String> imeis = GroupRow.STATIC.equals(kind) ? imeis(g.imeis()) : List.of();
        boolean own = actor.scope().equals(owner);
        String outside = own ? "invalid_group" : OUTSIDE_OWNER_SCOPE;
        String whose = own ? Scope.YOURS : OWNERS_SCOPE;
        if (!owner.isAll()) {
            for (String imei : imeis) {
                DeviceRow d = devices.find(actor.scope(), imei);
                owner.requireDevice(outside, imei, d.client(), d.deviceType(), whose);
            }
        }
        GroupFilter f = g.filter();
        DeviceFilter filter = f == null ? null : new DeviceFilter(
                f.client() == null ? null : Names.name("client", f.client()),
                f.deviceType() == null ? null : Names.name("deviceType", f.deviceType()),
                f.status(), f.firmware() == null ? null : Names.version("firmware", f.firmware()));
        if (filter != null) {
            owner.requireClient(outside, "filter.client", filter.client(), whose);
            owner.requireDeviceType(outside, "filter.deviceType", filter.deviceType(), whose);
        }
        GroupRow row = new GroupRow(id, name, kind, filter, clock.instant(), owner.client(),
                owner.deviceTypes().stream().sorted().toList());
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
                throw new Conflict("duplicate_group", "a group named \"" + name + "\" exists already"
                        + (owner.isAll() ? "" : " among the groups of " + whose));
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

    private GroupView view(GroupRow g, Principal who) {
        Scope scope = who.scope();
        Scope owner = owner(g);
        DeviceFilter f = g.filter();
        GroupFilter filter = GroupRow.FILTER.equals(g.kind())
                ? new GroupFilter(f.client(), f.deviceType(), f.firmware(), f.status()) : null;
        long members = scope.isAll() && owner.isAll() && GroupRow.STATIC.equals(g.kind()) ? store.memberCount(g.id())
                : devices.count(scope.narrow(members(g)));
        return new GroupView(g.id(), g.name(), GroupKind.fromWire(g.kind()), filter, members, g.createdAt().toString(),
                owner.isAll() ? null : new GroupOwner(owner.client(), g.ownerTypes()),
                who.role().mayChange() && scope.covers(owner));
    }
}
