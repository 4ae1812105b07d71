package nl.fotadesk.device;

import java.time.Duration;

/**
 * How a device behaves on the network.
 *
 * @param partSize      preferred download part size; raised to ceil(size / 19,999) for large images
 * @param maxRetries    attempts of one part after the first before the download is given up
 * @param retryBackoff  wait before the first retry; doubled for each next one
 * @param uplinkInterval time between two routine uplinks
 * @param jitter        routine uplinks come up to this much earlier or later, so a fleet spreads out
 * @param installTime   how long installing takes
 * @param rebootTime    how long the reboot into the new image takes
 */
public record DeviceSettings(int partSize, int maxRetries, Duration retryBackoff, Duration uplinkInterval,
                             Duration jitter, Duration installTime, Duration rebootTime) {
    public static final DeviceSettings DEFAULT = new DeviceSettings(512, 5, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(2));

    /** Settings for fast tests and demos: short intervals, short install and reboot. */
    public static DeviceSettings quick(int partSize) {
        return new DeviceSettings(partSize, 5, Duration.ofMillis(20), Duration.ofMillis(300),
                Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(50));
    }

    public DeviceSettings withPartSize(int bytes) {
        return new DeviceSettings(bytes, maxRetries, retryBackoff, uplinkInterval, jitter, installTime, rebootTime);
    }

    public DeviceSettings withUplinkInterval(Duration interval, Duration jitter) {
        return new DeviceSettings(partSize, maxRetries, retryBackoff, interval, jitter, installTime, rebootTime);
    }
}
