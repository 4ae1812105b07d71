package nl.fotadesk.ui.devices;

import javafx.collections.ObservableListBase;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The devices of a filter that matches too many to load at once (100,000 and more), in the server's
 * order (IMEI): a list of the full length whose lines are fetched in blocks when the table shows
 * them and forgotten again when far out of sight. A line not fetched yet is a {@link DeviceTableLine}
 * without a device. Lines keep their identity while their devices change, so refreshing redraws the
 * cells in place. Used on the FX thread only.
 */
final class LazyDeviceList extends ObservableListBase<DeviceTableLine> {
    static final int BLOCK = 200;
    static final int KEEP_BLOCKS = 40;

    /** Fetches devices from {@code offset} in the background; answers on the FX thread. */
    interface Fetcher {
        void fetch(int offset, int limit, Consumer<Page<DeviceView>> done, Runnable failed);
    }

    private static final class Block {
        final DeviceTableLine[] rows = new DeviceTableLine[BLOCK];
        boolean loaded;
        boolean loading;

        Block() {
            for (int i = 0; i < BLOCK; i++) {
                rows[i] = new DeviceTableLine(null);
            }
        }
    }

    private final Fetcher fetcher;
    private final Consumer<Runnable> soon;
    private final Map<Integer, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private Supplier<int[]> visibleRange = () -> null;
    private int size;
    private boolean loadScheduled;
    private boolean closed;

    /**
     * @param soon runs a task a moment later on the FX thread: lines asked for in one burst (a scroll)
     *             are fetched together
     */
    LazyDeviceList(int size, Fetcher fetcher, Consumer<Runnable> soon) {
        this.size = size;
        this.fetcher = fetcher;
        this.soon = soon;
    }

    /** Where the table looks: the first and last index on screen, or null when unknown. */
    void setVisibleRange(Supplier<int[]> range) {
        visibleRange = range;
    }

    /** Fills the lines from {@code offset} (a multiple of {@link #BLOCK}) with devices already fetched. */
    void prefill(int offset, List<DeviceView> devices) {
        for (int start = 0; start < devices.size(); start += BLOCK) {
            int end = Math.min(devices.size(), start + BLOCK);
            if (end - start == BLOCK || offset + end >= size) {
                fill(block((offset + start) / BLOCK), devices.subList(start, end));
            }
        }
    }

    @Override
    public DeviceTableLine get(int index) {
        Objects.checkIndex(index, size);
        Block b = block(index / BLOCK);
        if (!b.loaded && !b.loading) {
            scheduleLoad();
        }
        return b.rows[index % BLOCK];
    }

    @Override
    public int size() {
        return size;
    }

    /** The index of the device with this IMEI among the lines fetched, or -1. */
    int indexOf(String imei) {
        for (Map.Entry<Integer, Block> e : blocks.entrySet()) {
            DeviceTableLine[] rows = e.getValue().rows;
            for (int i = 0; i < BLOCK; i++) {
                if (imei.equals(rows[i].imei()) && e.getKey() * BLOCK + i < size) {
                    return e.getKey() * BLOCK + i;
                }
            }
        }
        return -1;
    }

    /** Fetches the block that holds line {@code index} unless it is at hand; {@code done} runs once it answered. */
    void fetchAround(int index, Runnable done) {
        int b = index / BLOCK;
        Block block = block(b);
        if (block.loaded) {
            done.run();
        } else {
            load(b, block, done);
        }
    }

    /** Fetches the lines on screen again; {@code done} runs when all answered. */
    void refresh(Runnable done) {
        List<Integer> wanted = visibleBlocks();
        List<Block> fetch = new ArrayList<>();
        for (int b : wanted) {
            Block block = block(b);
            if (!block.loading) {
                fetch.add(block);
            }
        }
        if (fetch.isEmpty()) {
            done.run();
            return;
        }
        int[] open = {fetch.size()};
        Runnable one = () -> {
            if (--open[0] == 0) {
                done.run();
            }
        };
        for (int i = 0; i < fetch.size(); i++) {
            load(wanted.get(i), fetch.get(i), one);
        }
    }

    /** Ignores answers still on their way: the table no longer shows this list. */
    void close() {
        closed = true;
    }

    int blocksHeld() {
        return blocks.size();
    }

    private void scheduleLoad() {
        if (loadScheduled || closed) {
            return;
        }
        loadScheduled = true;
        soon.accept(() -> {
            loadScheduled = false;
            for (int b : visibleBlocks()) {
                Block block = block(b);
                if (!block.loaded && !block.loading) {
                    load(b, block, () -> { });
                }
            }
        });
    }

    private List<Integer> visibleBlocks() {
        int[] range = visibleRange.get();
        int first = range == null ? 0 : Math.max(0, range[0]);
        int last = range == null ? BLOCK - 1 : Math.min(size - 1, range[1]);
        List<Integer> result = new ArrayList<>();
        for (int b = first / BLOCK; b <= last / BLOCK && b * BLOCK < size; b++) {
            result.add(b);
        }
        return result;
    }

    private void load(int blockIndex, Block block, Runnable done) {
        if (closed) {
            done.run();
            return;
        }
        block.loading = true;
        fetcher.fetch(blockIndex * BLOCK, BLOCK, page -> {
            block.loading = false;
            if (!closed) {
                fill(block, page.items());
                resize((int) Math.min(Integer.MAX_VALUE, page.total()), blockIndex, page.items().size());
                forgetFarBlocks();
            }
            done.run();
        }, () -> {
            block.loading = false;
            done.run();
        });
    }

    private static void fill(Block block, List<DeviceView> devices) {
        for (int i = 0; i < BLOCK; i++) {
            block.rows[i].update(i < devices.size() ? devices.get(i) : null);
        }
        block.loaded = true;
    }

    private Block block(int index) {
        return blocks.computeIfAbsent(index, i -> new Block());
    }

    private void resize(int total, int answeredBlock, int answered) {
        if (total == size) {
            return;
        }
        int old = size;
        size = total;
        beginChange();
        if (total > old) {
            Block last = blocks.get((old - 1) / BLOCK);
            if (last != null && old > 0 && (old - 1) / BLOCK != answeredBlock) {
                last.loaded = false;
            }
            nextAdd(old, total);
        } else {
            blocks.keySet().removeIf(b -> b * BLOCK >= total);
            nextRemove(total, Collections.nCopies(old - total, new DeviceTableLine(null)));
        }
        endChange();
    }

    /** Keeps memory bounded while scrolling through a long list: forgets the least recently seen blocks. */
    private void forgetFarBlocks() {
        if (blocks.size() <= KEEP_BLOCKS) {
            return;
        }
        List<Integer> visible = visibleBlocks();
        Iterator<Map.Entry<Integer, Block>> it = blocks.entrySet().iterator();
        while (blocks.size() > KEEP_BLOCKS && it.hasNext()) {
            Map.Entry<Integer, Block> e = it.next();
            if (!visible.contains(e.getKey()) && !e.getValue().loading) {
                it.remove();
            }
        }
    }
}
