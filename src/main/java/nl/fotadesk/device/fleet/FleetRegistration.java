package nl.fotadesk.device.fleet;

import nl.fotadesk.client.ApiException;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.NewDevice;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Registers a fleet through the management API's bulk registration, skipping devices already registered. */
public final class FleetRegistration {
    private static final int BATCH = 1000;

    private FleetRegistration() {
    }

    /** @return how many devices were newly registered */
    public static int register(FotaDeskClient client, List<DeviceIdentity> fleet) {
        int created = 0;
        for (int from = 0; from < fleet.size(); from += BATCH) {
            created += registerBatch(client, fleet.subList(from, Math.min(fleet.size(), from + BATCH)));
        }
        return created;
    }

    /** A batch is all or nothing: when only taken IMEIs spoil it, the rest is sent again without them. */
    private static int registerBatch(FotaDeskClient client, List<DeviceIdentity> batch) {
        try {
            return client.registerDevices(newDevices(batch)).size();
        } catch (ApiException e) {
            List<ItemError> errors = e.itemErrors();
            if (errors.isEmpty() || errors.stream().anyMatch(i -> !"duplicate_imei".equals(i.error()))) {
                throw e;
            }
            Set<String> taken = errors.stream().map(ItemError::imei).collect(Collectors.toSet());
            List<DeviceIdentity> rest = batch.stream().filter(d -> !taken.contains(d.imei())).toList();
            return rest.isEmpty() ? 0 : client.registerDevices(newDevices(rest)).size();
        }
    }

    private static List<NewDevice> newDevices(List<DeviceIdentity> devices) {
        return devices.stream()
                .map(d -> new NewDevice(d.imei(), d.deviceType(), d.client(), d.secret(), d.firmware())).toList();
    }
}
