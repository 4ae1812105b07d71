package nl.fotadesk.ui.devices;

import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static nl.fotadesk.ui.FxReads.fx;

/**
 * The devices screen's model without a screen, against a server in memory whose answers can be held
 * back: the detail shows the device the operator picked while it is listed, and nothing else.
 */
class DevicesViewModelTest {
    static final String ACME_1 = "350000000000011";
    static final String ACME_2 = "350000000000029";
    static final String GLOBEX_1 = "350000000000037";
    static final String GLOBEX_2 = "350000000000045";

    final FakeDeviceServer server = new FakeDeviceServer();
    UiContext context;
    DevicesViewModel vm;

    @BeforeEach
    void start() {
        server.devices.add(FakeDeviceServer.device(ACME_1, "acme"));
        server.devices.add(FakeDeviceServer.device(ACME_2, "acme"));
        server.devices.add(FakeDeviceServer.device(GLOBEX_1, "globex"));
        server.devices.add(FakeDeviceServer.device(GLOBEX_2, "globex"));
        context = server.context();
        vm = fx(() -> new DevicesViewModel(context));
        fx(() -> {
            vm.reload();
            return null;
        });
        waitFor(() -> vm.list().totalProperty().get() == 4);
    }

    @AfterEach
    void stop() {
        server.releaseHeld();
        context.close();
    }

    @Test
    void keepsThePickedDeviceWhileTheFilterListsItAndClearsItOnceItDoesNot() {
        pick(GLOBEX_1);
        chooseClient("globex");
        waitFor(() -> vm.list().totalProperty().get() == 2);
        assertThat(fx(() -> vm.detail().imei())).isEqualTo(GLOBEX_1);

        chooseClient("acme");
        waitFor(() -> vm.list().totalProperty().get() == 2 && vm.list().indexOf(ACME_1) >= 0);
        assertThat(fx(() -> vm.detail().imei())).as("not listed: not shown").isNull();
        assertThat(fx(() -> vm.detail().deviceProperty().get())).isNull();
        assertThat(fx(() -> vm.detail().openProperty().get())).isFalse();
    }

    @Test
    void dropsTheAnswerToASearchTheOperatorMovedOnFrom() {
        // the search for one IMEI is slow; the operator searches another, sees it, and closes it
        server.hold(url -> ACME_1.equals(url.queryParameter("imei")));
        search(ACME_1);
        int before = server.answered.get();
        search(GLOBEX_2);
        waitFor(() -> GLOBEX_2.equals(vm.detail().imei()));
        fx(() -> {
            vm.detail().clear();
            return null;
        });

        server.releaseHeld();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.answered.get() > before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.detail().imei())).as("the late answer opens nothing").isNull();
        assertThat(fx(() -> vm.list().totalProperty().get())).isEqualTo(1);
    }

    @Test
    void fetchesTheLineOfThePickedDeviceFromFarDownALongListOrClearsItWhenNotListed() {
        IntStream.range(0, DeviceListModel.COMPLETE_LIMIT + 10).forEach(i -> server.devices.add(
                FakeDeviceServer.device(String.format("36%013d", i), "initech")));
        String farDown = String.format("36%013d", DeviceListModel.COMPLETE_LIMIT);
        fx(() -> {
            vm.reload();
            return null;
        });
        waitFor(() -> !vm.list().isComplete());

        pick(farDown);
        chooseClient("initech");
        waitFor(() -> !vm.list().isComplete()
                && vm.list().totalProperty().get() == DeviceListModel.COMPLETE_LIMIT + 10);
        // beyond the first lines fetched, its line is found and fetched, so that the table can select it
        waitFor(() -> vm.list().indexOf(farDown) == DeviceListModel.COMPLETE_LIMIT);
        assertThat(fx(() -> vm.detail().imei())).isEqualTo(farDown);

        chooseClient(null);
        waitFor(() -> vm.list().totalProperty().get() == DeviceListModel.COMPLETE_LIMIT + 14);
        pick(ACME_1);
        chooseClient("initech");
        waitFor(() -> vm.detail().imei() == null);
    }

    @Test
    void aLongListNoLongerShownLeavesTheCountAlone() {
        IntStream.range(0, DeviceListModel.COMPLETE_LIMIT + 10).forEach(i -> server.devices.add(
                FakeDeviceServer.device(String.format("36%013d", i), "initech")));
        fx(() -> {
            vm.setVisibleRange(() -> new int[]{3_000, 3_020});
            vm.reload();
            return null;
        });
        waitFor(() -> !vm.list().isComplete());
        // the operator scrolls down; the lines there are slow to come, and the filter changes meanwhile
        server.hold(url -> "3000".equals(url.queryParameter("offset")));
        int before = server.answered.get();
        fx(() -> vm.list().itemsProperty().get().get(3_010));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.heldBack.get() == 1);
        chooseClient("globex");
        waitFor(() -> vm.list().isComplete() && vm.list().totalProperty().get() == 2);

        server.releaseHeld();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.answered.get() > before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.list().totalProperty().get())).isEqualTo(2);
    }

    @Test
    void saysItIsLoadingWhileASearchIsOnItsWayNotThatNoneMatch() {
        search("999");
        waitFor(() -> vm.list().totalProperty().get() == 0);
        assertThat(fx(() -> vm.emptyTextProperty().get())).isEqualTo("No devices match this filter.");

        server.hold(url -> "3500".equals(url.queryParameter("imei")));
        fx(() -> {
            vm.filters().search().typedProperty().set("3500");
            return null;
        });
        assertThat(fx(() -> vm.emptyTextProperty().get())).as("typed, not applied yet")
                .isEqualTo("Loading devices\u2026");
        fx(() -> {
            vm.applySearch();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.heldBack.get() == 1);
        assertThat(fx(() -> vm.emptyTextProperty().get())).as("on its way").isEqualTo("Loading devices\u2026");
        assertThat(fx(() -> vm.loadingProperty().get())).isTrue();

        server.releaseHeld();
        waitFor(() -> vm.list().totalProperty().get() == 4 && !vm.loadingProperty().get());
    }

    private void pick(String imei) {
        fx(() -> {
            vm.detail().show(imei, null);
            return null;
        });
    }

    private void chooseClient(String name) {
        fx(() -> {
            vm.filters().clientProperty().set(name == null ? vm.filters().clients().get(0) : new FilterChoice<>(name, name));
            return null;
        });
    }

    private void search(String typed) {
        fx(() -> {
            vm.filters().search().typedProperty().set(typed);
            vm.applySearch();
            return null;
        });
    }

    private static void waitFor(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(condition));
    }
}
