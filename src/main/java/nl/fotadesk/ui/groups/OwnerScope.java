package nl.fotadesk.ui.groups;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.protocol.api.Page;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The devices a group may hold: those of its owner's scope (a customer's client, a supplier's device types),
 * any for an operator's group. The server refuses anything else in an owned group, to an operator as
 * {@code outside_owner_scope}, so the group dialog offers, counts and checks only these.
 */
final class OwnerScope {
    /** The largest page of devices the server gives. */
    static final int PAGE = 1000;

    private final GroupOwner owner;

    /** @param owner the group's owner, or null for an operator's group */
    OwnerScope(GroupOwner owner) {
        this.owner = owner;
    }

    /** True when the group has an owner, so less than the whole fleet may be chosen. */
    boolean limited() {
        return owner != null;
    }

    /** The owner's client, or null when any client will do. */
    String client() {
        return owner == null ? null : owner.client();
    }

    /** The owner's device types, or empty when any type will do. */
    List<String> deviceTypes() {
        return owner == null ? List.of() : owner.deviceTypes();
    }

    /** Of the {@code known} clients, those a member may have. */
    List<String> clients(List<String> known) {
        return client() == null ? known : List.of(client());
    }

    /** Of the {@code known} device types, those a member may have. */
    List<String> deviceTypes(List<String> known) {
        return deviceTypes().isEmpty() ? known : deviceTypes();
    }

    boolean admitsDeviceType(String deviceType) {
        return deviceTypes().isEmpty() || deviceTypes().contains(deviceType);
    }

    /**
     * The device queries whose results, together and without overlap, are the devices matching {@code f}
     * within this scope: one a type of the owner's when the filter names none; none when the filter names a
     * client or type outside the scope.
     */
    List<DeviceQuery> queries(GroupFilter f) {
        if (f.client() != null && client() != null && !client().equals(f.client())
                || f.deviceType() != null && !admitsDeviceType(f.deviceType())) {
            return List.of();
        }
        DeviceQuery query = DeviceQuery.ALL.withClient(f.client() != null ? f.client() : client())
                .withFirmware(f.firmware()).withStatus(f.status());
        if (f.deviceType() != null || deviceTypes().isEmpty()) {
            return List.of(query.withDeviceType(f.deviceType()));
        }
        return deviceTypes().stream().map(query::withDeviceType).toList();
    }

    /** How many devices match {@code f} within this scope (of those {@code client} sees). Talks to the server. */
    long count(FotaDeskClient client, GroupFilter f) {
        long total = 0;
        for (DeviceQuery q : queries(f)) {
            total += client.devices(q.page(0, 1)).total();
        }
        return total;
    }

    /** The IMEIs of all devices within this scope (of those {@code client} sees), page by page. Talks to the server. */
    Set<String> imeis(FotaDeskClient client) {
        Set<String> all = new HashSet<>();
        for (DeviceQuery q : queries(new GroupFilter(null, null, null, null))) {
            Page<DeviceView> page;
            int offset = 0;
            do {
                page = client.devices(q.page(offset, PAGE));
                page.items().stream().map(DeviceView::imei).forEach(all::add);
                offset += page.items().size();
            } while (!page.items().isEmpty() && offset < page.total());
        }
        return all;
    }
}
