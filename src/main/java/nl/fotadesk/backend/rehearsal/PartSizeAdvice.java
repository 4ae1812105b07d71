package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.Forecast;

import java.util.Map;
import java.util.TreeSet;

/**
 * Which part size suits the fleet: for each candidate (powers of two from 128 bytes to 64 KiB, and the
 * size asked for, each raised to the 19,999-part minimum) the expected bytes and seconds of one device's
 * download, averaged over the devices' bearers, corrupt parts included at their expected number
 * (q / (1 − q) retries per part at chance q). Larger parts save headers and round trips but are more
 * often corrupt on a noisy bearer and then cost more to fetch again.
 */
final class PartSizeAdvice {
    private static final int SMALLEST = 128;
    private static final int LARGEST = 64 * 1024;

    private PartSizeAdvice() {
    }

    /** @param devicesPerBearer how many of the campaign's devices use each bearer */
    static Forecast.PartSizeAdvice of(long imageSize, int asked, Map<Bearer, Integer> devicesPerBearer,
                                      DeviceSettings device) {
        TreeSet<Integer> candidates = new TreeSet<>();
        for (int size = SMALLEST; size <= LARGEST; size *= 2) {
            candidates.add(UpdateCost.partSizeFor(imageSize, size));
        }
        candidates.add(UpdateCost.partSizeFor(imageSize, asked));
        Forecast.PartSizeOption current = option(imageSize, asked, devicesPerBearer, device);
        Forecast.PartSizeOption leastData = current;
        Forecast.PartSizeOption fastest = current;
        for (int size : candidates) {
            Forecast.PartSizeOption o = option(imageSize, size, devicesPerBearer, device);
            if (o.bytesPerDevice() < leastData.bytesPerDevice()) {
                leastData = o;
            }
            if (o.secondsPerDevice() < fastest.secondsPerDevice()) {
                fastest = o;
            }
        }
        return new Forecast.PartSizeAdvice(current, leastData, fastest);
    }

    static Forecast.PartSizeOption option(long imageSize, int partSize, Map<Bearer, Integer> devicesPerBearer,
                                          DeviceSettings device) {
        double bytes = 0;
        double millis = 0;
        int devices = 0;
        int parts = 0;
        for (Map.Entry<Bearer, Integer> e : devicesPerBearer.entrySet()) {
            UpdateCost c = UpdateCost.of(imageSize, partSize, e.getKey());
            double q = c.corruptChance();
            double retries = q >= 1 ? Double.MAX_VALUE : c.parts() * q / (1 - q);
            double deviceBytes = c.totalBytes() + retries * (c.partPayload() + c.partHttp() + c.partTcp());
            double deviceMillis = c.pickupMillis() + c.downloadMillis() + c.resultMillis()
                    + retries * (c.partMillis() + device.retryBackoff().toMillis());
            bytes += deviceBytes * e.getValue();
            millis += deviceMillis * e.getValue();
            devices += e.getValue();
            parts = c.parts();
        }
        int n = Math.max(1, devices);
        return new Forecast.PartSizeOption(UpdateCost.partSizeFor(imageSize, partSize), parts,
                Math.round(bytes / n), Math.round(millis / n) / 1000.0);
    }
}
