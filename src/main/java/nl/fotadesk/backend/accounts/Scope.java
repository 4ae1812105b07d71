package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.store.DeviceFilter;

import java.util.List;
import java.util.Set;

/**
 * Which devices a user works on: those of one client (customers), those of some device types
 * (suppliers), or all (operators, and viewers without a scope). A device is in scope when its client
 * and its type are both admitted.
 */
public record Scope(String client, Set<String> deviceTypes) {
    public static final Scope ALL = new Scope(null, Set.of());
    /** How a refusal names the scope to the user who works in it. */
    public static final String YOURS = "your scope";

    public Scope {
        deviceTypes = Set.copyOf(deviceTypes);
    }

    public static Scope ofClient(String client) {
        return new Scope(client, Set.of());
    }

    public static Scope ofDeviceTypes(List<String> deviceTypes) {
        return new Scope(null, Set.copyOf(deviceTypes));
    }

    public boolean isAll() {
        return client == null && deviceTypes.isEmpty();
    }

    public boolean admits(String deviceClient, String deviceType) {
        return admitsClient(deviceClient) && admitsDeviceType(deviceType);
    }

    public boolean admitsClient(String deviceClient) {
        return client == null || client.equals(deviceClient);
    }

    public boolean admitsDeviceType(String deviceType) {
        return deviceTypes.isEmpty() || deviceTypes.contains(deviceType);
    }

    /**
     * Whether every device {@code other} admits is admitted here too: a supplier of tracker-x and meter-y
     * covers a supplier of tracker-x; only the unscoped cover {@link #ALL}.
     */
    public boolean covers(Scope other) {
        return (client == null || client.equals(other.client))
                && (deviceTypes.isEmpty() || !other.deviceTypes.isEmpty() && deviceTypes.containsAll(other.deviceTypes));
    }

    /**
     * Refuses {@code field}'s client (400, {@code error}) unless this scope admits it, naming the rule and whose
     * scope it is ({@code whose}: {@link #YOURS} to the scope's own user, else e.g. "the scope of this group's owner").
     */
    public void requireClient(String error, String field, String value, String whose) {
        if (value != null && !admitsClient(value)) {
            throw outside(error, field + " " + Limits.quoted(value), whose, clientRule());
        }
    }

    /** Refuses {@code field}'s device type (400, {@code error}) unless this scope admits it, as {@link #requireClient}. */
    public void requireDeviceType(String error, String field, String value, String whose) {
        if (value != null && !admitsDeviceType(value)) {
            throw outside(error, field + " " + Limits.quoted(value), whose, typesRule());
        }
    }

    /** Refuses a device of {@code deviceClient} and {@code deviceType} (400, {@code error}) unless this scope admits it, as {@link #requireClient}. */
    public void requireDevice(String error, String imei, String deviceClient, String deviceType, String whose) {
        if (!admits(deviceClient, deviceType)) {
            throw outside(error, "device " + imei, whose, admitsClient(deviceClient) ? typesRule() : clientRule());
        }
    }

    private static Invalid outside(String error, String what, String whose, String rule) {
        return new Invalid(error, what + " is outside " + whose + " (" + rule + ")");
    }

    private String clientRule() {
        return "client " + Limits.quoted(client);
    }

    private String typesRule() {
        return "device types " + String.join(", ", deviceTypes.stream().sorted().toList());
    }

    /** {@code filter} narrowed to the devices in this scope. */
    public DeviceFilter narrow(DeviceFilter filter) {
        DeviceFilter narrowed = client == null ? filter : filter.withinClient(client);
        return deviceTypes.isEmpty() ? narrowed : narrowed.withinTypes(deviceTypes);
    }
}
