package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** Downloads remembered; when full, memory starts over (a download costs one read to cache again). */
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

    private final Jdbc jdbc;
    private final DownloadStore store;
    private final DeviceStore devices;
    private final GroupCommit writes;
    private final GroupCommit.Kind<Count, Verdict> counting = this::countAll;
    private final Map<String, Download> cache = new ConcurrentHashMap<>();
    /**
     * Downloads this node has served parts of since its start: their devices were moved from notified to
     * downloading already, which never goes back for the same download.
     */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    public Downloads(Jdbc jdbc, DownloadStore store, DeviceStore devices, GroupCommit writes) {
        this.jdbc = jdbc;
        this.store = store;
        this.devices = devices;
        this.writes = writes;
    }

    /** The download if this node has it in memory, else null (without asking the database). */
    public Download remembered(String id) {
        return cache.get(id);
    }

    /** The download, or null when there is none with this id. */
    public Download find(String id) {
        Download download = cache.get(id);
        if (download == null) {
            download = store.find(id).map(row -> new Download(row.id(), row.imei(), row.firmware())).orElse(null);
            if (download != null) {
                remember(cache, id, download);
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

    /**
     * One batch's counts, download by download in id order (so writers on several nodes lock rows in the
     * same order). Usually one conditional update counts all of a download's requests; only when that
     * finds the download ended or near its limit is its row locked and each request decided in turn.
     */
    private List<Verdict> countAll(List<Count> counts) {
        Map<String, List<Integer>> byDownload = new TreeMap<>();
        for (int i = 0; i < counts.size(); i++) {
            byDownload.computeIfAbsent(counts.get(i).download.id, id -> new ArrayList<>()).add(i);
        }
        Verdict[] verdicts = new Verdict[counts.size()];
        for (Map.Entry<String, List<Integer>> requests : byDownload.entrySet()) {
            String id = requests.getKey();
            List<Integer> positions = requests.getValue();
            long bytes = 0;
            for (int i : positions) {
                bytes += counts.get(i).bytes;
            }
            boolean served;
            if (store.addCounts(id, positions.size(), bytes, MAX_REQUESTS_PER_DOWNLOAD)) {
                positions.forEach(i -> verdicts[i] = Verdict.SERVE);
                served = true;
            } else {
                served = countOneByOne(id, positions, counts, verdicts);
            }
            if (served && !started.contains(id)) {
                devices.advance(counts.get(positions.get(0)).download.imei, id, DeviceStatus.NOTIFIED,
                        DeviceStatus.DOWNLOADING);
                jdbc.afterCommit(() -> remember(started, id));
            }
        }
        return Arrays.asList(verdicts);
    }

    /** Decides a download's requests in order under its row lock; true when any was served. */
    private boolean countOneByOne(String id, List<Integer> positions, List<Count> counts, Verdict[] verdicts) {
        DownloadStore.Counters now = store.lockCounters(id).orElse(null);
        int served = 0;
        long bytes = 0;
        for (int i : positions) {
            if (now == null || !now.active()) {
                verdicts[i] = Verdict.GONE;
            } else if (now.requestCount() + served >= MAX_REQUESTS_PER_DOWNLOAD) {
                verdicts[i] = Verdict.TOO_MANY;
            } else {
                verdicts[i] = Verdict.SERVE;
                served++;
                bytes += counts.get(i).bytes;
            }
        }
        if (served > 0) {
            store.saveCounters(id, now.requestCount() + served, now.bytesServed() + bytes);
        }
        return served > 0;
    }

    private static <K, V> void remember(Map<K, V> map, K key, V value) {
        if (map.size() >= CACHED) {
            map.clear();
        }
        map.put(key, value);
    }

    private static <T> void remember(Set<T> set, T value) {
        if (set.size() >= CACHED) {
            set.clear();
        }
        set.add(value);
    }

    /** Ends a download: once the surrounding transaction commits, its URL answers 410 on every node. */
    public void deactivate(String id) {
        store.deactivate(id);
    }
}
