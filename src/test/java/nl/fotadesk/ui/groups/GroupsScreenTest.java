package nl.fotadesk.ui.groups;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups screen against the real demo backend: filter and static groups, their members, paging, delete,
 * and an operator's change of a customer's group, offered and checked within the customer's scope.
 */
class GroupsScreenTest extends DemoUiTest {
    TableView<GroupView> groups;
    TableView<DeviceView> members;

    @BeforeEach
    void showScreen(FxRobot robot) throws Exception {
        robot.clickOn("#nav-groups");
        groups = robot.lookup("#groups-table").queryTableView();
        members = robot.lookup("#group-members").queryTableView();
        waitUntil(() -> !robot.lookup("#groups-new").queryButton().isDisabled()
                && groups.getPlaceholder() instanceof Label l && l.getText().startsWith("No groups yet"));
    }

    /** Each test starts with no groups on the shared demo. */
    @AfterEach
    void deleteGroups() {
        FotaDeskClient client = app.demo.client();
        client.groups().forEach(g -> client.deleteGroup(g.id()));
    }

    @Test
    void createsAFilterGroupAndShowsItsMembers(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        long expected = client.devices(DeviceQuery.ALL.withClient("acme").withDeviceType("tracker-x").page(0, 1)).total();

        robot.clickOn("#groups-new");
        ComboBox<String> clientBox = robot.lookup("#group-client").queryComboBox();
        ComboBox<String> typeBox = robot.lookup("#group-type").queryComboBox();
        robot.interact(() -> {
            robot.lookup("#group-name").queryAs(TextField.class).setText("Acme trackers");
            clientBox.setValue("acme");
            typeBox.setValue("tracker-x");
        });
        waitUntil(() -> text(robot, "#group-preview").endsWith("match now.") || text(robot, "#group-preview").endsWith("matches now."));
        assertThat(text(robot, "#group-preview")).startsWith(expected == 1 ? "1 device" : expected + " devices");
        robot.clickOn("#group-save");

        waitUntil(() -> groups.getItems().size() == 1 && members.getItems().size() == Math.min(expected, GroupsModel.PAGE));
        GroupView group = groups.getItems().get(0);
        assertThat(group.name()).isEqualTo("Acme trackers");
        assertThat(group.kind()).isEqualTo(GroupKind.FILTER);
        assertThat(group.members()).isEqualTo(expected);
        assertThat(new GroupsModel(app.context).criteria(group)).isEqualTo("Client: acme \u00b7 Type: tracker-x");
        assertThat(members.getItems()).allMatch(d -> d.client().equals("acme") && d.deviceType().equals("tracker-x"));
        assertThat(text(robot, "#group-members-title")).isEqualTo("Members of \u201cAcme trackers\u201d");
        assertThat(text(robot, "#group-members-range")).isEqualTo("1\u2013" + expected + " of " + expected);
        assertThat(text(robot, "#groups-message")).isEqualTo("Group \u201cAcme trackers\u201d created.");
        assertThat(client.groups()).extracting(GroupView::name).containsExactly("Acme trackers");
    }

    @Test
    void createsAStaticGroupAfterReportingABadImeiByItsLine(FxRobot robot) throws Exception {
        List<String> imeis = app.demo.client().devices(DeviceQuery.ALL.page(0, 3)).items().stream()
                .map(DeviceView::imei).toList();
        String typo = imeis.get(1).substring(0, 14) + (char) ('0' + (imeis.get(1).charAt(14) - '0' + 1) % 10);

        robot.clickOn("#groups-new");
        robot.clickOn("#group-kind-static");
        TextArea list = robot.lookup("#group-imeis").queryAs(TextArea.class);
        robot.interact(() -> {
            robot.lookup("#group-name").queryAs(TextField.class).setText("Pilot batch");
            list.setText(imeis.get(0) + "\n" + typo + ", " + imeis.get(2) + "\n" + imeis.get(0));
        });
        waitUntil(() -> !text(robot, "#group-imeis-problems").isEmpty());
        assertThat(text(robot, "#group-imeis-problems")).startsWith("Line 2: " + typo + " \u2014 wrong check digit");
        assertThat(text(robot, "#group-imeis-summary")).isEqualTo("2 IMEIs, 1 duplicate left out");
        Button save = robot.lookup("#group-save").queryButton();
        assertThat(save.isDisabled()).as("save with a bad IMEI").isTrue();

        robot.interact(() -> list.setText(String.join(",\n", imeis)));
        waitUntil(() -> text(robot, "#group-imeis-problems").isEmpty());
        assertThat(text(robot, "#group-imeis-summary")).isEqualTo("3 IMEIs");
        robot.clickOn("#group-save");

        waitUntil(() -> members.getItems().size() == 3);
        assertThat(members.getItems()).extracting(DeviceView::imei).containsExactlyInAnyOrderElementsOf(imeis);
        GroupView group = groups.getItems().get(0);
        assertThat(group.kind()).isEqualTo(GroupKind.STATIC);
        assertThat(new GroupsModel(app.context).criteria(group)).isEqualTo("List of 3 IMEIs");
        assertThat(text(robot, "#group-members-range")).isEqualTo("1\u20133 of 3");
    }

    @Test
    void pagesThroughMembersEditsAndDeletesAfterConfirming(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        client.createGroup(new NewGroup("Everything", new nl.fotadesk.protocol.api.GroupFilter(null, null, null, null), null));
        robot.clickOn("#groups-refresh");
        waitUntil(() -> groups.getItems().size() == 1);
        robot.interact(() -> groups.getSelectionModel().select(0));
        waitUntil(() -> members.getItems().size() == GroupsModel.PAGE);
        assertThat(text(robot, "#group-members-range")).isEqualTo("1\u201350 of " + UiTestBackend.DEVICES);
        robot.clickOn("#group-members-next");
        waitUntil(() -> members.getItems().size() == UiTestBackend.DEVICES - GroupsModel.PAGE);
        assertThat(text(robot, "#group-members-range")).isEqualTo("51\u2013" + UiTestBackend.DEVICES + " of " + UiTestBackend.DEVICES);

        // a name taken by another group is caught in the dialog
        client.createGroup(new NewGroup("Meters", new nl.fotadesk.protocol.api.GroupFilter(null, "meter-y", null, null), null));
        robot.clickOn("#groups-refresh");
        waitUntil(() -> groups.getItems().size() == 2);
        robot.interact(() -> groups.getSelectionModel().select(groups.getItems().stream()
                .filter(g -> g.name().equals("Everything")).findFirst().orElseThrow()));
        robot.clickOn("#groups-edit");
        TextField name = robot.lookup("#group-name").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("Everything");
        assertThat(robot.lookup("#group-kind-static").queryAs(javafx.scene.control.RadioButton.class).isDisabled()).isTrue();
        robot.interact(() -> name.setText("meters"));
        assertThat(text(robot, "#group-name-problem")).isEqualTo("There is already a group named \u201cmeters\u201d.");
        assertThat(robot.lookup("#group-save").queryButton().isDisabled()).isTrue();
        robot.interact(() -> {
            name.setText("Failed devices");
            robot.lookup("#group-status").<String>queryComboBox().setValue("failed");
        });
        robot.clickOn("#group-save");
        waitUntil(() -> groups.getItems().stream().anyMatch(g -> g.name().equals("Failed devices")));
        waitUntil(() -> text(robot, "#group-members-criteria").equals("Status: Failed"));

        robot.clickOn("#groups-delete");
        robot.clickOn("#groups-confirm-delete");
        waitUntil(() -> groups.getItems().size() == 1);
        assertThat(text(robot, "#groups-message")).isEqualTo("Group \u201cFailed devices\u201d deleted.");
        assertThat(client.groups()).extracting(GroupView::name).containsExactly("Meters");
    }

    @Test
    void keepsItsButtonsInTheDialogWhateverTheErrors(FxRobot robot) throws Exception {
        robot.clickOn("#groups-new");
        robot.clickOn("#group-kind-static");
        TextArea list = robot.lookup("#group-imeis").queryAs(TextArea.class);
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            bad.append("35693803").append(1000000 + i).append('\n'); // wrong length, every one a problem line
        }
        robot.interact(() -> list.setText(bad.toString()));
        waitUntil(() -> text(robot, "#group-imeis-problems").lines().count() > GroupDialogModel.MAX_PROBLEMS_SHOWN);
        javafx.scene.Node save = robot.lookup("#group-save").query();
        javafx.scene.Node cancel = robot.lookup("#group-cancel").query();
        javafx.stage.Window dialog = save.getScene().getWindow();
        javafx.geometry.Rectangle2D window = new javafx.geometry.Rectangle2D(dialog.getX(), dialog.getY(),
                dialog.getWidth(), dialog.getHeight());
        for (javafx.scene.Node button : List.of(save, cancel)) {
            javafx.geometry.Bounds b = button.localToScreen(button.getBoundsInLocal());
            assertThat(window.contains(b.getMinX(), b.getMinY()) && window.contains(b.getMaxX(), b.getMaxY()))
                    .as(button.getId() + " inside the dialog").isTrue();
        }
        robot.clickOn("#group-cancel");
    }

    @Test
    void anOperatorEditingACustomersGroupIsOfferedOnlyTheirDevicesAndSavesAValidChange(FxRobot robot) throws Exception {
        FotaDeskClient customer = signedInCustomer();
        String client = customer.currentSession().user().client();
        GroupView trackers = customer.createGroup(new NewGroup("Carla's trackers",
                new GroupFilter(null, "tracker-x", null, null), null));
        long theirs = customer.devices(DeviceQuery.ALL.page(0, 1)).total();
        assertThat(theirs).as("the customer's devices, fewer than the operator's").isPositive()
                .isLessThan(UiTestBackend.DEVICES);

        robot.clickOn("#groups-refresh");
        waitUntil(() -> groups.getItems().size() == 1);
        robot.interact(() -> groups.getSelectionModel().select(0));
        robot.clickOn("#groups-edit");
        assertThat(text(robot, "#group-owner-line"))
                .isEqualTo("Group of customer " + client + ": only devices of client " + client + " can be chosen.");
        ComboBox<String> clients = robot.lookup("#group-client").queryComboBox();
        assertThat(clients.getItems()).containsExactly(GroupDialogModel.ANY, client);
        robot.interact(() -> {
            robot.lookup("#group-name").queryAs(TextField.class).setText("Carla's devices");
            robot.lookup("#group-type").<String>queryComboBox().setValue(GroupDialogModel.ANY);
        });
        waitUntil(() -> text(robot, "#group-preview").endsWith("now)."));
        assertThat(text(robot, "#group-preview")).isEqualTo(
                "No criteria: every device of this group\u2019s owner is a member (" + theirs + " now).");
        robot.clickOn("#group-save");

        waitUntil(() -> text(robot, "#groups-message").equals("Group \u201cCarla's devices\u201d saved."));
        GroupView saved = customer.group(trackers.id());
        assertThat(saved.filter()).isEqualTo(new GroupFilter(null, null, null, null));
        assertThat(saved.owner()).as("still the customer's").isEqualTo(trackers.owner());
    }

    @Test
    void anOperatorIsToldByLineWhichListedDevicesAreNotTheOwnersAndSeesARefusalInView(FxRobot robot) throws Exception {
        FotaDeskClient customer = signedInCustomer();
        DeviceView theirs = customer.devices(DeviceQuery.ALL.page(0, 1)).items().get(0);
        String other = app.demo.client().devices(DeviceQuery.ALL.page(0, UiTestBackend.DEVICES)).items().stream()
                .filter(d -> !d.client().equals(theirs.client())).map(DeviceView::imei).findFirst().orElseThrow();
        GroupView pilot = customer.createGroup(new NewGroup("Carla's pilot", null, List.of(theirs.imei())));

        robot.clickOn("#groups-refresh");
        waitUntil(() -> groups.getItems().size() == 1);
        robot.interact(() -> groups.getSelectionModel().select(0));
        robot.clickOn("#groups-edit");
        TextArea list = robot.lookup("#group-imeis").queryAs(TextArea.class);
        waitUntil(() -> list.getText().equals(theirs.imei()));
        robot.interact(() -> list.setText(theirs.imei() + "\n" + other));
        waitUntil(() -> !text(robot, "#group-imeis-problems").isEmpty());
        assertThat(text(robot, "#group-imeis-problems"))
                .isEqualTo("Line 2: " + other + " \u2014 not a registered device of this group\u2019s owner");
        assertThat(robot.lookup("#group-save").queryButton().isDisabled()).as("save with another client's device").isTrue();

        // the group goes while the dialog is open: the server's refusal shows under the form, in view
        robot.interact(() -> list.setText(theirs.imei()));
        waitUntil(() -> text(robot, "#group-imeis-problems").isEmpty());
        customer.deleteGroup(pilot.id());
        robot.clickOn("#group-save");
        waitUntil(() -> !text(robot, "#group-error").isEmpty());
        assertThat(text(robot, "#group-error")).startsWith("Not found among your devices and groups");
        Label error = robot.lookup("#group-error").queryAs(Label.class);
        javafx.stage.Window dialog = error.getScene().getWindow();
        javafx.geometry.Bounds shown = error.localToScreen(error.getBoundsInLocal());
        assertThat(new javafx.geometry.Rectangle2D(dialog.getX(), dialog.getY(), dialog.getWidth(), dialog.getHeight())
                .contains(shown.getMinX(), shown.getMinY(), shown.getWidth(), shown.getHeight()))
                .as("the refusal in view, not scrolled away under the form").isTrue();
        robot.clickOn("#group-cancel");
    }

    /** The demo's customer, signed in with a client of their own. */
    private FotaDeskClient signedInCustomer() {
        DemoEnvironment.DemoUser carla = app.demo.users().stream().filter(u -> u.role() == Role.CUSTOMER).findFirst().orElseThrow();
        FotaDeskClient customer = HttpFotaDeskClient.signedOut(app.demo.url(), ServerTrust.system());
        customer.signIn(carla.username(), carla.password());
        return customer;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
