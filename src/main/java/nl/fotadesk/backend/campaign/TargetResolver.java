package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.devices.GroupService;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.GroupRow;
import nl.fotadesk.backend.store.GroupStore;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.TargetedDevice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a campaign's target into the devices it updates, in the order they are given out to phases:
 * every criterion must match, devices of another type or already on the version are left out, and the
 * cap keeps the first N of a random (seeded, so a preview and the campaign agree) or IMEI order.
 */
public final class TargetResolver {
    /** What a target matches, and the devices to update in phase order. */
    public record Resolution(int matched, int otherType, int alreadyCurrent, List<String> unknownImeis, List<String> targeted) {
    }

    private final DeviceStore devices;
    private final GroupStore groups;

    public TargetResolver(DeviceStore devices, GroupStore groups) {
        this.devices = devices;
        this.groups = groups;
    }

    /** The devices of {@code imeis} (resolved ones, so registered), as a preview lists them. */
    public List<TargetedDevice> describe(List<String> imeis) {
        return imeis.stream().map(devices::find).flatMap(Optional::stream)
                .map(d -> new TargetedDevice(d.imei(), d.deviceType(), d.reported().firmware())).toList();
    }

    /**
     * The devices of {@code target} within {@code scope}: a group counts with its members in the scope
     * (one without any is unknown, as {@code GroupService} shows it), and a listed IMEI outside the scope
     * is unknown, exactly as one that names no device.
     */
    public Resolution resolve(CampaignTarget target, FirmwareRow image, long seed, Scope scope) {
        DeviceFilter filter = scope.narrow(new DeviceFilter(target.client(), target.deviceType(), null, null));
        if (target.groupId() != null) {
            GroupRow group = groups.find(target.groupId())
                    .filter(g -> GroupService.sees(scope, g, devices::count))
                    .orElseThrow(() -> new Invalid("unknown_group", "no group with id " + target.groupId()));
            filter = filter.and(GroupService.members(group));
        }
        List<DeviceRow> matches = devices.all(filter);
        List<String> unknown = List.of();
        if (target.imeis() != null) {
            Set<String> listed = new LinkedHashSet<>(target.imeis());
            matches = matches.stream().filter(d -> listed.contains(d.imei())).toList();
            Set<String> found = matches.stream().map(DeviceRow::imei).collect(Collectors.toSet());
            unknown = listed.stream().filter(i -> !found.contains(i)
                    && devices.find(i).filter(d -> scope.admits(d.client(), d.deviceType())).isEmpty()).toList();
        }
        int otherType = 0;
        int current = 0;
        List<String> eligible = new ArrayList<>();
        for (DeviceRow d : matches) {
            if (!d.deviceType().equals(image.deviceType())) {
                otherType++;
            } else if (image.version().equals(d.reported().firmware())) {
                current++;
            } else {
                eligible.add(d.imei());
            }
        }
        if (!"imei".equals(target.capOrder())) {
            Collections.shuffle(eligible, new Random(seed));
        }
        if (target.cap() != null && target.cap() < eligible.size()) {
            eligible = new ArrayList<>(eligible.subList(0, target.cap()));
        }
        return new Resolution(matches.size(), otherType, current, unknown, eligible);
    }
}
