package nl.fotadesk.ui.accounts;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.UiTestBackend;
import nl.fotadesk.ui.campaigns.WizardRobot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.accounts.ScopedViews.choices;
import static nl.fotadesk.ui.accounts.ScopedViews.listedDevices;
import static nl.fotadesk.ui.accounts.ScopedViews.offered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's customer: their client's devices only, no action a customer may not take (nor a call the
 * server would refuse them), and campaigns they steer when they hold only their client's devices.
 */
class CustomerViewTest extends DemoUiTest {
    static final String CLIENT = FleetGenerator.CLIENTS.get(0);
    /** The names of the client calls the window made, in the order they were made. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    protected Role role() {
        return Role.CUSTOMER;
    }

    @Override
    protected FotaDeskClient client(FotaDeskClient signedIn) {
        return (FotaDeskClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{FotaDeskClient.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(signedIn, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @BeforeEach
    void forgetEarlierCalls() {
        calls.clear();
    }

    @Test
    void seesOnlyTheirClientsDevicesAndChoices(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        long theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT)).total();
        assertThat(theirs).isBetween(1L, UiTestBackend.DEVICES - 1L);
        await(15, () -> listedDevices(robot).size() == theirs);
        assertThat(listedDevices(robot)).extracting(DeviceView::client).containsOnly(CLIENT);
        assertThat(text(robot, "#devices-count")).isEqualTo(theirs + " devices");
        await(10, () -> choices(robot, "#devices-filter-client").size() == 2);
        assertThat(choices(robot, "#devices-filter-client")).as("their client, counting their devices").containsExactly("All clients", CLIENT + " (" + theirs + ")");
        assertThat(text(robot, "#signed-in")).isEqualTo("Carla Visser \u00b7 customer");
        assertThat(nl.fotadesk.ui.FxReads.fx(() -> robot.lookup("#signed-in").queryLabeled().getTooltip().getText()))
                .isEqualTo("Signed in as carla; works on client " + CLIENT + ".");
    }

    @Test
    void isOfferedNothingACustomerMayNotDo(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        assertThat(offered(robot, "#devices-register")).as("their client's devices").isTrue();
        assertThat(offered(robot, "#devices-import")).as("their client's devices").isTrue();
        assertThat(offered(robot, "#devices-export")).as("reading is theirs").isTrue();
        assertThat(offered(robot, "#nav-users")).isFalse();
        assertThat(offered(robot, "#nav-activity")).isFalse();

        robot.clickOn("#nav-firmware");
        assertThat(offered(robot, "#firmware-upload-card")).isFalse();
        robot.clickOn("#nav-campaigns");
        assertThat(offered(robot, "#campaigns-new")).as("campaigns of their client's devices").isTrue();
        robot.clickOn("#nav-groups");
        assertThat(offered(robot, "#groups-new")).as("groups of their own").isTrue();

        robot.clickOn("#nav-devices");
        await(15, () -> !listedDevices(robot).isEmpty());
        robot.clickOn("#devices-table");
        robot.type(javafx.scene.input.KeyCode.DOWN, javafx.scene.input.KeyCode.ENTER);
        await(10, () -> offered(robot, "#device-detail-imei"));
        assertThat(offered(robot, "#device-set-desired")).as("customers set desired firmware").isTrue();
    }

    @Test
    void steersTheirOwnCampaignsAndIsToldWhoSteersOneAcrossClients(FxRobot robot) throws Exception {
        FotaDeskClient operator = app.demo.client();
        String ours = sensor(operator, CLIENT, "999981");
        String theirs = sensor(operator, FleetGenerator.CLIENTS.get(1), "999982");
        FirmwareView image = operator.firmware().stream().filter(f -> f.deviceType().equals("sensor-z")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("sensor-z"))).findFirst().orElseThrow();
        operator.createCampaign(draft("Across clients", image, ours, theirs));
        operator.createCampaign(draft("Ours alone", image, ours));

        robot.clickOn("#nav-campaigns");
        await(10, () -> robot.lookup(LabeledMatchers.hasText("Across clients")).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup(LabeledMatchers.hasText("Across clients")).<Node>query());
        await(10, () -> offered(robot, "#campaign-operators-only"));
        assertThat(text(robot, "#campaign-operators-only")).contains("Only an operator can steer this campaign");
        assertThat(offered(robot, "#campaign-start")).isFalse();
        assertThat(offered(robot, "#campaign-cancel")).isFalse();

        robot.clickOn("#campaign-back");
        await(10, () -> robot.lookup(LabeledMatchers.hasText("Ours alone")).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup(LabeledMatchers.hasText("Ours alone")).<Node>query());
        await(10, () -> offered(robot, "#campaign-start") && !robot.lookup("#campaign-start").queryButton().isDisabled());
        assertThat(offered(robot, "#campaign-operators-only")).isFalse();
        robot.clickOn("#campaign-start");
        await(10, () -> text(robot, "#campaign-state").equals("Running"));
    }

    @Test
    void isNeverOfferedARehearsalNorAsksForAForecastWhichAreAnOperatorsTools(FxRobot robot) throws Exception {
        FotaDeskClient operator = app.demo.client();
        FirmwareView image = operator.firmware().stream().filter(f -> f.deviceType().equals("sensor-z")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("sensor-z"))).findFirst().orElseThrow();
        String id = operator.createCampaign(draft("Ours rehearsed", image, sensor(operator, CLIENT, "999983"))).id();
        operator.rehearseCampaign(new RehearsalRequest(null, id, null, null, null, 1, null, null, null, null));

        robot.clickOn("#nav-campaigns");
        await(10, () -> robot.lookup(LabeledMatchers.hasText("Ours rehearsed")).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup(LabeledMatchers.hasText("Ours rehearsed")).<Node>query());
        await(10, () -> offered(robot, "#campaign-start") && !robot.lookup("#campaign-start").queryButton().isDisabled());
        assertThat(offered(robot, "#campaign-rehearse")).as("a draft of theirs, but rehearsing is an operator's").isFalse();
        robot.clickOn("#campaign-start");
        await(10, () -> text(robot, "#campaign-state").equals("Running"));
        // the detail asks for a forecast when it first shows the campaign and when its state changes
        await(10, () -> calls.lastIndexOf("campaign") > calls.indexOf("startCampaign"));
        assertThat(offered(robot, "#campaign-forecast")).isFalse();
        assertThat(calls).contains("campaign", "startCampaign").doesNotContain("campaignForecast", "rehearseCampaign");
    }

    @Test
    void makesACampaignOfTheirClientsDevicesWithTheWizard(FxRobot robot) throws Exception {
        long ours = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT).withDeviceType("tracker-x")).total();
        WizardRobot.openWithNewFirmware(robot, "tracker-x");
        robot.interact(() -> robot.lookup("#wizard-name").queryAs(TextField.class).setText("Carla's trackers"));
        robot.clickOn("#wizard-next");
        await(10, () -> text(robot, "#wizard-match").startsWith(ours + " devices match"));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        await(10, () -> robot.lookup("#wizard-targeted").tryQuery().isPresent());
        assertThat(robot.lookup("#wizard-rehearse").tryQuery()).as("in the review step").isPresent();
        assertThat(offered(robot, "#wizard-rehearse")).as("rehearsing is an operator's").isFalse();
        robot.clickOn("#wizard-finish");

        await(10, () -> robot.lookup("#campaign-name").tryQuery().isPresent()
                && text(robot, "#campaign-name").equals("Carla's trackers"));
        await(10, () -> offered(robot, "#campaign-start"));
        FotaDeskClient operator = app.demo.client();
        CampaignView made = operator.campaigns().stream().filter(c -> c.name().equals("Carla's trackers"))
                .findFirst().orElseThrow();
        assertThat(made.devices()).isPositive();
        assertThat(operator.campaignDevices(made.id(), null, null, 0, 1000).items())
                .as("the type's devices of her client only").allSatisfy(d -> assertThat(operator.device(d.imei()).client())
                        .isEqualTo(CLIENT));
    }

    private static String sensor(FotaDeskClient operator, String client, String serial) {
        String imei = Imei.withCheckDigit("35332211" + serial);
        operator.registerDevice(new NewDevice(imei, "sensor-z", client, null, null));
        return imei;
    }

    private static NewCampaign draft(String name, FirmwareView image, String... imeis) {
        return new NewCampaign(name, image.id(), new CampaignTarget(null, null, null, List.of(imeis), null, null),
                null, 100, 10, 3600L, 0, null, null, false);
    }
}
