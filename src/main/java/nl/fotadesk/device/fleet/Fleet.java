package nl.fotadesk.device.fleet;

import nl.fotadesk.device.Device;
import nl.fotadesk.device.DeviceEvents;
import nl.fotadesk.device.DeviceFaults;
import nl.fotadesk.device.DeviceHttp;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.NoDelaySocketFactory;
import nl.fotadesk.protocol.FotaState;
import nl.fotadesk.protocol.UpdateResult;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Many simulated devices against one backend, over real HTTP: one shared OkHttp client (its
 * connection pool plays the devices' sockets), a bounded {@link FleetRunner}, and statistics.
 */
public final class Fleet implements AutoCloseable {
    private final List<Device> devices;
    private final FleetStats stats = new FleetStats();
    private final OkHttpClient http;
    private final DeviceHttp deviceHttp;
    private final FleetRunner runner;

    public Fleet(String baseUrl, List<DeviceIdentity> identities, DeviceSettings settings, FaultPlan faults,
                 long seed, int workerThreads) {
        this(baseUrl, identities, settings, faults, seed, workerThreads, DeviceEvents.NONE);
    }

    /** @param extraEvents also told of every device event (e.g. by a test) */
    public Fleet(String baseUrl, List<DeviceIdentity> identities, DeviceSettings settings, FaultPlan faults,
                 long seed, int workerThreads, DeviceEvents extraEvents) {
        http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(workerThreads, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySocketFactory())
                .build();
        deviceHttp = new DeviceHttp(http, baseUrl);
        runner = new FleetRunner(workerThreads);
        DeviceEvents events = extraEvents == DeviceEvents.NONE ? stats : new Both(stats, extraEvents);
        Random random = new Random(seed);
        List<Device> list = new ArrayList<>(identities.size());
        for (DeviceIdentity identity : identities) {
            DeviceFaults f = faults.draw(random);
            list.add(new Device(identity, deviceHttp, settings, f, events, random.nextLong()));
        }
        devices = Collections.unmodifiableList(list);
    }

    /** Starts every device, their first uplinks spread over {@code spread}. */
    public void start(Duration spread) {
        Random random = new Random(devices.size());
        for (Device d : devices) {
            runner.start(d, Duration.ofMillis(spread.isZero() ? 0 : random.nextLong(spread.toMillis())));
        }
    }

    public List<Device> devices() {
        return devices;
    }

    public FleetStats stats() {
        return stats;
    }

    /** Bytes of part bodies the fleet received, including parts it then refused. */
    public long bytesReceived() {
        return deviceHttp.bytesReceived();
    }

    /** How many devices are in each state; silent devices are counted apart under {@code null}. */
    public Map<FotaState, Integer> countByState() {
        Map<FotaState, Integer> counts = new EnumMap<>(FotaState.class);
        for (Device d : devices) {
            if (!d.silent()) {
                counts.merge(d.state(), 1, Integer::sum);
            }
        }
        return counts;
    }

    public long silentCount() {
        return devices.stream().filter(Device::silent).count();
    }

    @Override
    public void close() throws InterruptedException {
        runner.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Tells two listeners. */
    private record Both(DeviceEvents a, DeviceEvents b) implements DeviceEvents {
        @Override
        public void uplinkSent(Device device, int status) {
            a.uplinkSent(device, status);
            b.uplinkSent(device, status);
        }

        @Override
        public void partRequested(Device device) {
            a.partRequested(device);
            b.partRequested(device);
        }

        @Override
        public void partAccepted(Device device, int bytes) {
            a.partAccepted(device, bytes);
            b.partAccepted(device, bytes);
        }

        @Override
        public void partRetried(Device device, String why) {
            a.partRetried(device, why);
            b.partRetried(device, why);
        }

        @Override
        public void stateChanged(Device device, FotaState from, FotaState to) {
            a.stateChanged(device, from, to);
            b.stateChanged(device, from, to);
        }

        @Override
        public void updateEnded(Device device, UpdateResult result) {
            a.updateEnded(device, result);
            b.updateEnded(device, result);
        }
    }
}
