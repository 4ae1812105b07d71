package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PartLeaseStore;
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
 * image) is cached in memory. A part is served from an allowance this node leased from the download's
 * row in blocks ({@link PartCounting}), so the limit holds across nodes, and is answered once it is in
 * the node's journal on disk, so no count is lost in a crash; the journal is counted in the database
 * within a second, and ended downloads are refused by every node within a second.
 */
public final class Downloads {
    public static final int MAX_REQUESTS_PER_DOWNLOAD = 19_999;
    /** The most parts leased at once; far from the limit a block serves a whole image of 2 KiB parts. */
    static final int MAX_BLOCK = 128;
    /** A block is at most this fraction of what is left, so near the limit blocks shrink to one part. */
    static final int SHARE_OF_WHAT_IS_LEFT = 16;
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

    private final Jdbc jdbc;
    private final DownloadStore store;
    private final DeviceStore devices;
    private final PartLeaseStore leases;
    private final GroupCommit writes;
    private final PartCounting counting;
    private final GroupCommit.Kind<Download, Verdict> leasing = this::leaseAll;
    private final Map<String, Download> cache = new ConcurrentHashMap<>();
    /**
     * Downloads this node has leased parts of since its start: their devices were moved from notified to
     * downloading already, which never goes back for the same download.
     */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    public Downloads(Jdbc jdbc, DownloadStore store, DeviceStore devices, GroupCommit writes, PartCounting counting) {
        this.jdbc = jdbc;
        this.store = store;
        this.devices = devices;
        this.leases = new PartLeaseStore(jdbc);
        this.writes = writes;
        this.counting = counting;
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
     * future completes once the count is on disk; it fails with {@link GroupCommit.Full} when too many
     * writes wait already.
     */
    public CompletableFuture<Verdict> count(Download download, long bytes) {
        if (counting.take(download.id)) {
            return counting.record(download.id, bytes).thenApply(written -> Verdict.SERVE);
        }
        return writes.submit(leasing, download).thenCompose(verdict -> verdict == Verdict.SERVE
                ? counting.record(download.id, bytes).thenApply(written -> verdict)
                : CompletableFuture.completedFuture(verdict));
    }

    /**
     * Leases parts for a batch of requests that found no allowance here, download by download in id
     * order (so writers on several nodes lock rows in the same order): each download's requests are
     * served from one block, the rest of the block stays with this node.
     */
    private List<Verdict> leaseAll(List<Download> requests) {
        Map<String, List<Integer>> byDownload = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byDownload.computeIfAbsent(requests.get(i).id, id -> new ArrayList<>()).add(i);
        }
        Verdict[] verdicts = new Verdict[requests.size()];
        for (Map.Entry<String, List<Integer>> waiting : byDownload.entrySet()) {
            String id = waiting.getKey();
            List<Integer> positions = waiting.getValue();
            PartLeaseStore.Allowance row = leases.lock(id).orElse(null);
            if (row == null || !row.active()) {
                positions.forEach(i -> verdicts[i] = Verdict.GONE);
                continue;
            }
            int left = MAX_REQUESTS_PER_DOWNLOAD - row.requestCount() - row.leased();
            int block = Math.min(left, Math.max(positions.size(), Math.min(MAX_BLOCK, left / SHARE_OF_WHAT_IS_LEFT)));
            int served = Math.max(0, Math.min(block, positions.size()));
            for (int k = 0; k < positions.size(); k++) {
                verdicts[positions.get(k)] = k < served ? Verdict.SERVE : Verdict.TOO_MANY;
            }
            if (served == 0) {
                continue;
            }
            counting.lease(id, block, block - served);
            if (!started.contains(id)) {
                devices.advance(requests.get(positions.get(0)).imei, id, DeviceStatus.NOTIFIED, DeviceStatus.DOWNLOADING);
                jdbc.afterCommit(() -> remember(started, id));
            }
        }
        return Arrays.asList(verdicts);
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

    /**
     * Ends a download: once the surrounding transaction commits, its URL answers 410 on this node, and
     * on every other node within a second.
     */
    public void deactivate(String id) {
        store.deactivate(id);
        jdbc.afterCommit(() -> counting.ended(id));
    }
}
