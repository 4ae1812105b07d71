package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadRow;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.api.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads as the file server sees them, cached in memory so a part request costs no database
 * round trip. Request counts and served bytes are counted here and written behind by {@link #flush()}
 * (every second and at shutdown), so the 19,999-request limit survives a restart.
 */
public final class Downloads {
    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);

    /** A cached download with its live counters. */
    public static final class Live {
        final String id;
        final String imei;
        final FirmwareRow firmware;
        volatile boolean active;
        final AtomicInteger requests;
        final AtomicLong bytes;
        private final AtomicLong changes = new AtomicLong();
        private long flushedChanges;

        Live(DownloadRow row) {
            id = row.id();
            imei = row.imei();
            firmware = row.firmware();
            active = row.active();
            requests = new AtomicInteger(row.requestCount());
            bytes = new AtomicLong(row.bytesServed());
        }

        public FirmwareRow firmware() {
            return firmware;
        }

        public boolean active() {
            return active;
        }

        /** Counts one more request and returns the count including it. */
        int countRequest() {
            changes.incrementAndGet();
            return requests.incrementAndGet();
        }

        void countBytes(long n) {
            bytes.addAndGet(n);
            changes.incrementAndGet();
        }
    }

    private final Jdbc jdbc;
    private final DownloadStore store;
    private final DeviceStore devices;
    private final Map<String, Live> cache = new ConcurrentHashMap<>();

    public Downloads(Jdbc jdbc, DownloadStore store, DeviceStore devices) {
        this.jdbc = jdbc;
        this.store = store;
        this.devices = devices;
    }

    public Optional<Live> find(String id) {
        Live live = cache.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        return store.find(id).map(row -> cache.computeIfAbsent(id, k -> new Live(row)));
    }

    /** Counts a request for a part of {@code live}; the first one marks the device as downloading. */
    public int countRequest(Live live) {
        int count = live.countRequest();
        if (count == 1) {
            devices.advance(live.imei, live.id, DeviceStatus.NOTIFIED, DeviceStatus.DOWNLOADING);
        }
        return count;
    }

    public void countBytes(Live live, long n) {
        live.countBytes(n);
    }

    /** Ends a download: once the surrounding transaction commits, its URL answers 410. */
    public void deactivate(String id) {
        store.deactivate(id);
        jdbc.afterCommit(() -> {
            Live live = cache.get(id);
            if (live != null) {
                live.active = false;
            }
        });
    }

    /** The bytes served so far, including those not yet flushed. */
    public Optional<Long> bytesServed(String id) {
        Live live = cache.get(id);
        return live == null ? Optional.empty() : Optional.of(live.bytes.get());
    }

    /** Writes changed counters to the database. */
    public synchronized void flush() {
        for (Live live : cache.values()) {
            long changes = live.changes.get();
            if (changes != live.flushedChanges) {
                try {
                    store.saveCounters(live.id, live.requests.get(), live.bytes.get());
                    live.flushedChanges = changes;
                } catch (RuntimeException e) {
                    LOG.warn("Could not save the counters of download {}; will retry", live.id, e);
                }
            }
        }
    }
}
