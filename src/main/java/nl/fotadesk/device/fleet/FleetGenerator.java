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
    /** A device type and the 8-digit type allocation code its IMEIs start with. */
    public record DeviceModel(String deviceType, String tac, String firmware) {
    }

    public static final List<DeviceModel> MODELS = List.of(
            new DeviceModel("tracker-x", "35693803", "1.0.0"),
            new DeviceModel("meter-y", "86720604", "2.1.0"),
            new DeviceModel("sensor-z", "35332211", "0.9.4"));
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
            fleet.add(new DeviceIdentity(Imei.withCheckDigit(model.tac() + serial), DeviceSecret.generate(random),
                    model.deviceType(), client, model.firmware()));
        }
        return fleet;
    }
}
