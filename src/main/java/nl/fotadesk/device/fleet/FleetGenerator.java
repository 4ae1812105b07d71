package nl.fotadesk.device.fleet;

import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.protocol.DeviceSecret;
import nl.fotadesk.protocol.Imei;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes up a realistic fleet: several device types (each with its own IMEI type allocation code)
 * spread over several clients, valid IMEIs, a secret each, and the same seed gives the same fleet.
 */
public final class FleetGenerator {
    /**
     * A device type, the 8-digit type allocation code its IMEIs start with, and the firmware versions
     * found in the field (the first is the oldest and most common).
     */
    public record DeviceModel(String deviceType, String tac, List<String> versions) {
        public String firmware() {
            return versions.get(0);
        }
    }

    public static final List<DeviceModel> MODELS = List.of(
            new DeviceModel("tracker-x", "35693803", List.of("1.0.0", "1.1.0")),
            new DeviceModel("meter-y", "86720604", List.of("2.1.0", "2.1.3")),
            new DeviceModel("sensor-z", "35332211", List.of("0.9.4", "0.9.5")));
    public static final List<String> CLIENTS = List.of("acme", "globex", "initech");

    private FleetGenerator() {
    }

    public static List<DeviceIdentity> generate(int count, long seed) {
        Random random = new Random(seed);
        List<DeviceIdentity> fleet = new ArrayList<>(count);
        int serialBase = random.nextInt(100_000);
        for (int i = 0; i < count; i++) {
            DeviceModel model = MODELS.get(i % MODELS.size());
            String client = CLIENTS.get(random.nextInt(CLIENTS.size()));
            String serial = String.format("%06d", (serialBase + i) % 1_000_000);
            String firmware = random.nextInt(4) == 0 ? model.versions().get(1) : model.firmware();
            fleet.add(new DeviceIdentity(Imei.withCheckDigit(model.tac() + serial), DeviceSecret.generate(random),
                    model.deviceType(), client, firmware));
        }
        return fleet;
    }
}
