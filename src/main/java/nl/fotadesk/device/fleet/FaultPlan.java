package nl.fotadesk.device.fleet;

import nl.fotadesk.device.DeviceFaults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Which faults a fleet suffers, e.g. {@code corrupt=0.02,drop=0.02,reboot=0.01}. {@code corrupt} and
 * {@code drop} are chances per part request, for every device; the others are the share of devices
 * that have the fault: {@code reboot} (once, mid-download), {@code slow} (a slow link), {@code install}
 * (the install fails, result 8), {@code flash} (not enough flash, result 2), {@code silent} (goes silent
 * after its first downlink). The same seed gives the same faults to the same devices.
 */
public record FaultPlan(double corrupt, double drop, double reboot, double slow, double install, double flash,
                        double silent, long slowBytesPerSecond) {
    private static final long DEFAULT_SLOW_RATE = 4096;
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 0, 0, DEFAULT_SLOW_RATE);
    private static final List<String> NAMES = List.of("corrupt", "drop", "reboot", "slow", "install", "flash", "silent");

    /** Parses {@code name=chance,...}; an unknown name or a chance outside 0..1 is an error. */
    public static FaultPlan parse(String spec) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String item : spec.split(",")) {
                String[] kv = item.trim().split("=", 2);
                String name = kv[0].trim().toLowerCase(Locale.ROOT);
                if (!NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown fault \"" + kv[0].trim() + "\"; known: " + NAMES);
                }
                double chance;
                try {
                    chance = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
                } catch (NumberFormatException e) {
                    chance = Double.NaN;
                }
                if (!(chance >= 0 && chance <= 1)) {
                    throw new IllegalArgumentException("fault " + name + " needs a chance from 0 to 1, e.g. "
                            + name + "=0.02");
                }
                values.put(name, chance);
            }
        }
        return new FaultPlan(values.getOrDefault("corrupt", 0.0), values.getOrDefault("drop", 0.0),
                values.getOrDefault("reboot", 0.0), values.getOrDefault("slow", 0.0),
                values.getOrDefault("install", 0.0), values.getOrDefault("flash", 0.0),
                values.getOrDefault("silent", 0.0), DEFAULT_SLOW_RATE);
    }

    /** Draws one device's faults. */
    public DeviceFaults draw(Random random) {
        return new DeviceFaults(corrupt, drop,
                random.nextDouble() < slow ? slowBytesPerSecond : 0,
                random.nextDouble() < reboot ? 0.1 + random.nextDouble() * 0.8 : -1,
                random.nextDouble() < install,
                random.nextDouble() < flash ? 1024 : 0,
                random.nextDouble() < silent);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "corrupt=%s,drop=%s,reboot=%s,slow=%s,install=%s,flash=%s,silent=%s",
                corrupt, drop, reboot, slow, install, flash, silent);
    }
}
