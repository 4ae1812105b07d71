package nl.fotadesk.ui.devices;

import nl.fotadesk.client.ConflictException;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

import static nl.fotadesk.ui.devices.DesiredFirmwareRequest.Tone.ERROR;
import static nl.fotadesk.ui.devices.DesiredFirmwareRequest.Tone.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

/** Setting one device's desired firmware without a screen: the server's answers in words, and late answers dropped. */
class DesiredFirmwareRequestTest {
    static final String IMEI = "350000000000011";

    final List<DeviceView> set = new ArrayList<>();
    Supplier<DeviceView> server;

    @Test
    void saysWhatTheServerDid() {
        DesiredFirmwareRequest request = request();
        server = () -> device(DeviceStatus.PENDING);
        request.send(IMEI, FakeFotaDeskClient.image("t20", "tracker-x", "2.0.0", 0, 0), () -> true, set::add);
        assertThat(set).hasSize(1);
        assertThat(request.toneProperty().get()).isEqualTo(SUCCESS);
        assertThat(request.messageProperty().get())
                .isEqualTo("Desired firmware set to 2.0.0. The update starts at the device\u2019s next check-in.");
        assertThat(request.busyProperty().get()).isFalse();

        server = () -> device(DeviceStatus.IN_SYNC);
        request.send(IMEI, FakeFotaDeskClient.image("t10", "tracker-x", "1.0.0", 0, 0), () -> true, set::add);
        assertThat(request.messageProperty().get())
                .isEqualTo("Desired firmware set to 1.0.0. The device runs it already, so nothing is downloaded.");
    }

    @Test
    void namesTheCampaignThatHoldsTheDevice() {
        DesiredFirmwareRequest request = request();
        server = () -> {
            throw new ConflictException("device_in_campaign",
                    "device " + IMEI + " is in campaign \"Trackers to 2.0\" (c-1)", null);
        };
        request.send(IMEI, FakeFotaDeskClient.image("t20", "tracker-x", "2.0.0", 0, 0), () -> true, set::add);
        assertThat(set).isEmpty();
        assertThat(request.toneProperty().get()).isEqualTo(ERROR);
        assertThat(request.messageProperty().get()).startsWith("Not changed: this device is in campaign "
                + "\u201cTrackers to 2.0\u201d");

        server = () -> {
            throw new ConflictException("something_else", "no", null);
        };
        request.send(IMEI, FakeFotaDeskClient.image("t20", "tracker-x", "2.0.0", 0, 0), () -> true, set::add);
        assertThat(request.messageProperty().get()).startsWith("Not changed: ");
        assertThat(request.busyProperty().get()).isFalse();
    }

    @Test
    void dropsTheAnswerForADeviceNoLongerShownAndSendsOneAtATime() {
        DesiredFirmwareRequest request = request();
        server = () -> device(DeviceStatus.PENDING);
        request.send(IMEI, FakeFotaDeskClient.image("t20", "tracker-x", "2.0.0", 0, 0), () -> false, set::add);
        assertThat(set).isEmpty();
        assertThat(request.messageProperty().get()).isEqualTo("Setting 2.0.0 as the desired firmware\u2026");
        assertThat(request.busyProperty().get()).as("on its way as far as this pane knows").isTrue();

        request.send(IMEI, FakeFotaDeskClient.image("t20", "tracker-x", "2.0.0", 0, 0), () -> true, set::add);
        assertThat(set).as("one at a time").isEmpty();
        request.reset();
        assertThat(request.messageProperty().get()).isEmpty();
        assertThat(request.busyProperty().get()).isFalse();
    }

    private DesiredFirmwareRequest request() {
        FotaDeskClient client = (FotaDeskClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{FotaDeskClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setDesiredFirmware" -> server.get();
                    case "baseUrl" -> "http://fake";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new DesiredFirmwareRequest(UiContext.sameThread(client, new I18n(Locale.ENGLISH),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime()))));
    }

    private static DeviceView device(DeviceStatus status) {
        return new DeviceView(IMEI, "tracker-x", "acme", "1.0.0", "2.0.0", "t20", status, null, null, null, null,
                null, null);
    }
}
