package nl.fotadesk.device.fleet;

import nl.fotadesk.device.Device;
import nl.fotadesk.device.DeviceEvents;
import nl.fotadesk.protocol.UpdateResult;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters over a whole fleet, updated by its devices' events. */
public final class FleetStats implements DeviceEvents {
    private final AtomicLong uplinks = new AtomicLong();
    private final AtomicLong partRequests = new AtomicLong();
    private final AtomicLong partsAccepted = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLongArray results = new AtomicLongArray(UpdateResult.values().length);

    @Override
    public void uplinkSent(Device device, int status) {
        uplinks.incrementAndGet();
    }

    @Override
    public void partRequested(Device device) {
        partRequests.incrementAndGet();
    }

    @Override
    public void partAccepted(Device device, int n) {
        partsAccepted.incrementAndGet();
        bytes.addAndGet(n);
    }

    @Override
    public void partRetried(Device device, String why) {
        retries.incrementAndGet();
    }

    @Override
    public void updateEnded(Device device, UpdateResult result) {
        results.incrementAndGet(result.ordinal());
    }

    public long uplinks() {
        return uplinks.get();
    }

    public long partRequests() {
        return partRequests.get();
    }

    public long partsAccepted() {
        return partsAccepted.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Bytes of verified parts. */
    public long bytes() {
        return bytes.get();
    }

    /** How many updates ended with each result. */
    public Map<UpdateResult, Long> results() {
        Map<UpdateResult, Long> map = new EnumMap<>(UpdateResult.class);
        for (UpdateResult r : UpdateResult.values()) {
            long n = results.get(r.ordinal());
            if (n > 0) {
                map.put(r, n);
            }
        }
        return map;
    }
}
