package nl.fotadesk.ui.devices;

import javafx.collections.ListChangeListener;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The long list: fetched in blocks where the table looks, lines kept in place, memory bounded. */
class LazyDeviceListTest {
    static final int BLOCK = LazyDeviceList.BLOCK;

    /** A server of {@code total} devices that answers when told to. */
    static final class FakeServer implements LazyDeviceList.Fetcher {
        int total;
        final List<int[]> asked = new ArrayList<>();
        final List<Runnable> answers = new ArrayList<>();

        FakeServer(int total) {
            this.total = total;
        }

        @Override
        public void fetch(int offset, int limit, Consumer<Page<DeviceView>> done, Runnable failed) {
            asked.add(new int[]{offset, limit});
            answers.add(() -> done.accept(new Page<>(IntStream.range(offset, Math.min(total, offset + limit))
                    .mapToObj(FakeServer::device).toList(), total, offset, limit)));
        }

        void answerAll() {
            List<Runnable> now = new ArrayList<>(answers);
            answers.clear();
            now.forEach(Runnable::run);
        }

        static DeviceView device(int i) {
            return new DeviceView(String.format("35000000%07d", i), "t", "c", "1.0", null, null,
                    DeviceStatus.IN_SYNC, null, null, null, null, null, null);
        }
    }

    @Test
    void fetchesOnlyTheBlocksOnScreen() {
        FakeServer server = new FakeServer(100_000);
        LazyDeviceList list = new LazyDeviceList(100_000, server, Runnable::run);
        int[] range = {50_000, 50_030};
        list.setVisibleRange(() -> range);

        DeviceTableLine row = list.get(50_010);
        assertThat(row.view()).as("not fetched yet").isNull();
        assertThat(server.asked).hasSize(1);
        assertThat(server.asked.get(0)).containsExactly(50_000 / BLOCK * BLOCK, BLOCK);
        list.get(50_011);
        assertThat(server.asked).as("one request per block").hasSize(1);

        server.answerAll();
        assertThat(list.get(50_010)).as("the same line, now filled").isSameAs(row);
        assertThat(row.imei()).isEqualTo(FakeServer.device(50_010).imei());
        assertThat(list.size()).isEqualTo(100_000);
    }

    @Test
    void followsTheServersCountAndTellsTheTable() {
        FakeServer server = new FakeServer(10_000);
        LazyDeviceList list = new LazyDeviceList(10_000, server, Runnable::run);
        list.setVisibleRange(() -> new int[]{0, 20});
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<DeviceTableLine>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" + c.getAddedSize() : "") + (c.wasRemoved() ? "-" + c.getRemovedSize() : ""));
            }
        });
        list.get(0);
        server.total = 10_005;
        server.answerAll();
        assertThat(list.size()).isEqualTo(10_005);
        server.total = 9_000;
        boolean[] done = {false};
        list.refresh(() -> done[0] = true);
        server.answerAll();
        assertThat(done[0]).isTrue();
        assertThat(list.size()).isEqualTo(9_000);
        assertThat(changes).containsExactly("+5", "-1005");
    }

    @Test
    void forgetsBlocksFarOutOfSight() {
        FakeServer server = new FakeServer(1_000_000);
        LazyDeviceList list = new LazyDeviceList(1_000_000, server, Runnable::run);
        int[] range = {0, 0};
        list.setVisibleRange(() -> range);
        for (int b = 0; b < LazyDeviceList.KEEP_BLOCKS * 3; b++) {
            range[0] = b * BLOCK;
            range[1] = b * BLOCK + 25;
            list.get(range[0]);
            server.answerAll();
        }
        assertThat(list.blocksHeld()).isLessThanOrEqualTo(LazyDeviceList.KEEP_BLOCKS + 1);
        assertThat(list.get(range[0]).view()).as("the block on screen stays").isNotNull();
    }

    @Test
    void refreshFetchesWhatIsOnScreenAgainAndUpdatesTheLinesInPlace() {
        FakeServer server = new FakeServer(1_000);
        LazyDeviceList list = new LazyDeviceList(1_000, server, Runnable::run);
        list.setVisibleRange(() -> new int[]{190, 215});
        list.prefill(0, IntStream.range(0, 1_000).mapToObj(FakeServer::device).toList());
        DeviceTableLine row = list.get(200);
        assertThat(server.asked).as("prefilled").isEmpty();
        list.refresh(() -> { });
        assertThat(server.asked).extracting(a -> a[0]).containsExactly(0, BLOCK);
        server.answerAll();
        assertThat(list.get(200)).isSameAs(row);
        assertThat(list.indexOf(FakeServer.device(210).imei())).isEqualTo(210);
    }
}
