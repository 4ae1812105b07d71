package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downloads as the file server sees them. Only what never changes about a download (its device and
 * image) is cached in memory; whether it is still active and how much it served live in the database
 * alone. Each part request is decided and counted there in a group-commit batch before it is answered,
 * so every node applies the same limit to the same count, a download ended through any node is refused
 * by all at once, and no count is lost in a crash.
 */
public final class Downloads {
    public static final int MAX_REQUESTS_PER_DOWNLOAD = 19_999;
    /** Cached downloads; when full the cache starts over (a download costs one read to cache again). */
    private static final int CACHED = 65_536;

    /** What never changes about a download. */
    public record Download(String id, String imei, FirmwareRow firmware) {
    }

    /** What the count decided for one part request. */
    public enum Verdict {
        /** Counted: answer it. */
        SERVE,
        /** The download was cancelled or replaced: 410. */
        GONE,
        /** The download used up its requests: 429. */
        TOO_MANY
    }

    private record Count(Download download, long bytes) {
    }

    private final DownloadStore store;
    private final DeviceStore devices;
    private final GroupCommit writes;
    private final GroupCommit.Kind<Count, Verdict> counting = this::countAll;
    private final Map<String, Download> cache = new ConcurrentHashMap<>();

    public Downloads(DownloadStore store, DeviceStore devices, GroupCommit writes) {
        this.store = store;
        this.devices = devices;
        this.writes = writes;
    }

    /** The download, or null when there is none with this id. */
    public Download find(String id) {
        Download download = cache.get(id);
        if (download == null) {
            download = store.find(id).map(row -> new Download(row.id(), row.imei(), row.firmware())).orElse(null);
            if (download != null) {
                if (cache.size() >= CACHED) {
                    cache.clear();
                }
                cache.put(id, download);
            }
        }
        return download;
    }

    /**
     * Counts one request for a part of {@code download} that answers {@code bytes} of body, unless the
     * download is no longer active or has had its {@link #MAX_REQUESTS_PER_DOWNLOAD} requests. The
     * future completes once the count is committed; it fails with {@link GroupCommit.Full} when too
     * many writes wait already.
     */
    public CompletableFuture<Verdict> count(Download download, long bytes) {
        return writes.submit(counting, new Count(download, bytes));
    }

    /** One batch's counts: its download rows are locked, every request decided in order, the rows updated. */
    private List<Verdict> countAll(List<Count> counts) {
        TreeSet<String> ids = new TreeSet<>();
        for (Count c : counts) {
            ids.add(c.download.id);
        }
        Map<String, DownloadStore.Counters> before = store.lockCounters(ids);
        Map<String, DownloadStore.Counters> after = new HashMap<>(before);
        List<Verdict> verdicts = new ArrayList<>(counts.size());
        for (Count c : counts) {
            DownloadStore.Counters now = after.get(c.download.id);
            if (now == null || !now.active()) {
                verdicts.add(Verdict.GONE);
            } else if (now.requestCount() >= MAX_REQUESTS_PER_DOWNLOAD) {
                verdicts.add(Verdict.TOO_MANY);
            } else {
                after.put(c.download.id, new DownloadStore.Counters(true, now.requestCount() + 1,
                        now.bytesServed() + c.bytes));
                verdicts.add(Verdict.SERVE);
            }
        }
        for (Count c : counts) {
            String id = c.download.id;
            DownloadStore.Counters old = before.get(id);
            DownloadStore.Counters now = after.remove(id);
            if (now != null && now != old) {
                store.saveCounters(id, now.requestCount(), now.bytesServed());
                if (old.requestCount() == 0) {
                    devices.advance(c.download.imei, id, DeviceStatus.NOTIFIED, DeviceStatus.DOWNLOADING);
                }
            }
        }
        return verdicts;
    }

    /** Ends a download: once the surrounding transaction commits, its URL answers 410 on every node. */
    public void deactivate(String id) {
        store.deactivate(id);
    }
}
