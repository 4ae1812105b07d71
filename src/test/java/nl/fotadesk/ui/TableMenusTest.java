package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.DemoEnvironment.DemoUser;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.protocol.api.WishedWindow;
import nl.fotadesk.ui.requests.RequestsScreen;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.RowMenus.choose;
import static nl.fotadesk.ui.RowMenus.clipboard;
import static nl.fotadesk.ui.RowMenus.enabled;
import static nl.fotadesk.ui.RowMenus.item;
import static nl.fotadesk.ui.RowMenus.rightClick;
import static nl.fotadesk.ui.RowMenus.shiftF10;
import static nl.fotadesk.ui.RowMenus.shownItems;
import static org.assertj.core.api.Assertions.assertThat;

/** The row menus of the operator's tables: what a right click (or Shift+F10) offers, and that it acts on the server. */
class TableMenusTest extends DemoUiTest {
    private static final String PASSWORD = "a long enough passphrase";

    @Override
    protected Role role() {
        return Role.OPERATOR;
    }

    @Test
    void aUsersMenuCopiesTheUsernameAndDisablesAndEnablesTheUser(FxRobot robot) throws Exception {
        app.demo.client().createUser(new NewUser("menu-mona", PASSWORD, Role.VIEWER, null, null, "Mona Menu"));
        robot.clickOn("#nav-users");
        TableView<UserView> users = robot.lookup("#users-table").queryTableView();
        await(10, () -> users.getItems().stream().anyMatch(u -> u.username().equals("menu-mona")));

        ContextMenu menu = rightClick(robot, users, (UserView u) -> u.username().equals("menu-mona"));
        assertThat(shownItems(menu)).containsExactly("users-menu-copy", "users-menu-disable", "users-menu-delete");
        assertThat(fx(() -> item(menu, "users-menu-disable").getText())).isEqualTo("Disable");
        choose(robot, menu, "users-menu-copy");
        assertThat(clipboard()).isEqualTo("menu-mona");

        choose(robot, rightClick(robot, users, (UserView u) -> u.username().equals("menu-mona")), "users-menu-disable");
        await(10, () -> text(robot, "#users-message").startsWith("menu-mona is disabled"));
        assertThat(disabled("menu-mona")).isTrue();
        ContextMenu again = rightClick(robot, users, (UserView u) -> u.username().equals("menu-mona"));
        assertThat(fx(() -> item(again, "users-menu-disable").getText())).isEqualTo("Enable");
        choose(robot, again, "users-menu-disable");
        await(10, () -> text(robot, "#users-message").equals("menu-mona can sign in again."));
        assertThat(disabled("menu-mona")).isFalse();
    }

    private boolean disabled(String username) {
        return app.demo.client().users().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow().disabled();
    }

    @Test
    void aTokensMenuCopiesItsNameAndRevokesItAfterConfirming(FxRobot robot) throws Exception {
        DemoUser stan = app.demo.users().stream().filter(u -> u.role() == Role.SUPPLIER).findFirst().orElseThrow();
        FotaDeskClient asStan = HttpFotaDeskClient.signedOut(app.demo.url(), ServerTrust.system());
        asStan.signIn(stan.username(), stan.password());
        String id = asStan.createToken(new NewApiToken("revoked from its menu", null)).id();
        robot.clickOn("#nav-users");
        TableView<UserView> users = robot.lookup("#users-table").queryTableView();
        await(10, () -> users.getItems().stream().anyMatch(u -> u.username().equals(stan.username())));
        robot.interact(() -> users.getSelectionModel().select(users.getItems().stream()
                .filter(u -> u.username().equals(stan.username())).findFirst().orElseThrow()));
        TableView<ApiTokenView> tokens = robot.lookup("#users-tokens").queryTableView();
        await(10, () -> tokens.getItems().stream().anyMatch(t -> t.id().equals(id)));

        ContextMenu menu = rightClick(robot, tokens, (ApiTokenView t) -> t.id().equals(id));
        assertThat(shownItems(menu)).containsExactly("users-tokens-menu-copy", "users-tokens-menu-revoke");
        choose(robot, menu, "users-tokens-menu-copy");
        assertThat(clipboard()).isEqualTo("revoked from its menu");
        choose(robot, rightClick(robot, tokens, (ApiTokenView t) -> t.id().equals(id)), "users-tokens-menu-revoke");
        robot.clickOn("#users-revoke-confirm");
        await(10, () -> tokens.getItems().stream().noneMatch(t -> t.id().equals(id)));
        assertThat(asStan.tokens()).extracting(ApiTokenView::id).doesNotContain(id);
    }

    @Test
    void anActivityLineIsCopiedAndFiltersTheTrailOnItsActor(FxRobot robot) throws Exception {
        robot.clickOn("#nav-activity");
        TableView<AuditEntry> activity = robot.lookup("#activity-table").queryTableView();
        await(10, () -> activity.getItems().stream().anyMatch(e -> "olga".equals(e.actor())));
        AuditEntry olgas = fx(() -> activity.getItems().stream().filter(e -> "olga".equals(e.actor())).findFirst()
                .orElseThrow());

        ContextMenu menu = rightClick(robot, activity, (AuditEntry e) -> e.equals(olgas));
        assertThat(shownItems(menu)).containsExactly("activity-menu-copy", "activity-menu-actor", "activity-menu-object");
        assertThat(fx(() -> item(menu, "activity-menu-actor").getText())).isEqualTo("Only lines by olga");
        choose(robot, menu, "activity-menu-copy");
        assertThat(clipboard()).startsWith(olgas.time() + "\tolga\toperator\t" + olgas.action() + "\t");

        choose(robot, rightClick(robot, activity, (AuditEntry e) -> e.equals(olgas)), "activity-menu-actor");
        assertThat(text(robot, "#activity-actor")).isEqualTo("olga");
        await(10, () -> !activity.getItems().isEmpty() && activity.getItems().stream().allMatch(e -> "olga".equals(e.actor())));
    }

    @Test
    void aGroupMemberOpensOnTheDevicesScreenAndShiftF10OpensTheMenuToo(FxRobot robot) throws Exception {
        List<String> imeis = app.demo.client().devices(DeviceQuery.ALL.page(0, 2)).items().stream()
                .map(DeviceView::imei).toList();
        GroupView group = app.demo.client().createGroup(new NewGroup("Menu members", null, imeis));
        try {
            robot.clickOn("#nav-groups");
            TableView<GroupView> groups = robot.lookup("#groups-table").queryTableView();
            await(10, () -> groups.getItems().stream().anyMatch(g -> g.id().equals(group.id())));
            robot.interact(() -> groups.getSelectionModel().select(groups.getItems().stream()
                    .filter(g -> g.id().equals(group.id())).findFirst().orElseThrow()));
            TableView<DeviceView> members = robot.lookup("#group-members").queryTableView();
            await(10, () -> members.getItems().size() == 2);

            ContextMenu groupMenu = rightClick(robot, groups, (GroupView g) -> g.id().equals(group.id()));
            assertThat(shownItems(groupMenu)).containsExactly("groups-menu-edit", "groups-menu-copy", "groups-menu-delete");
            choose(robot, groupMenu, "groups-menu-copy");
            assertThat(clipboard()).isEqualTo("Menu members");

            robot.interact(() -> members.getSelectionModel().selectAll());
            ContextMenu menu = shiftF10(robot, members);
            assertThat(shownItems(menu)).containsExactly("group-members-open", "group-members-copy");
            assertThat(enabled(menu, "group-members-open")).as("one device at a time").isFalse();
            choose(robot, menu, "group-members-copy");
            assertThat(clipboard()).isEqualTo(String.join("\n", imeis));

            // a right click on a row already selected keeps the selection: start from none
            robot.interact(() -> members.getSelectionModel().clearSelection());
            ContextMenu one = rightClick(robot, members, (DeviceView d) -> d.imei().equals(imeis.get(1)));
            assertThat(enabled(one, "group-members-open")).isTrue();
            choose(robot, one, "group-members-open");
            await(10, () -> robot.lookup("#device-detail-imei").tryQuery().isPresent()
                    && imeis.get(1).equals(text(robot, "#device-detail-imei")));
        } finally {
            app.demo.client().deleteGroup(group.id());
        }
    }

    /** A request the demo's requester files for her {@code n}th device (counting from 0). */
    private RequestView filedByRita(int n) {
        DemoUser rita = app.demo.users().stream().filter(u -> u.role() == Role.REQUESTER).findFirst().orElseThrow();
        FotaDeskClient asRita = HttpFotaDeskClient.signedOut(app.demo.url(), ServerTrust.system());
        asRita.signIn(rita.username(), rita.password());
        DeviceView device = asRita.devices(DeviceQuery.ALL.page(n, 1)).items().get(0);
        return asRita.fileRequest(new NewRequest(device.deviceType(), "9.8.7", null,
                new CampaignTarget(null, null, null, List.of(device.imei()), null, null),
                new WishedWindow(null, null, "Europe/Amsterdam", null, "02:00", "05:00"), "rita@example.com"), "menu.bin", new byte[1024]);
    }

    /**
     * Right-clicks the request {@code id}, which opens it in the detail, and once it is open there (its steps are
     * offered then), again: that menu.
     */
    private ContextMenu menuOfOpen(FxRobot robot, String id) throws Exception {
        ListView<RequestView> list = robot.lookup("#requests-list").queryListView();
        await(10, () -> list.getItems().stream().anyMatch(r -> r.id().equals(id)));
        ContextMenu menu = rightClick(robot, list, (RequestView r) -> r.id().equals(id));
        robot.interact(menu::hide);
        RequestsScreen screen = (RequestsScreen) app.window.screen("requests");
        await(10, () -> screen.model().open.get() != null && screen.model().open.get().id().equals(id)
                && !screen.model().busy.get());
        return rightClick(robot, list, (RequestView r) -> r.id().equals(id));
    }

    @Test
    void aRequestIsMarkedInReviewFromItsMenuWhichOffersNoWithdrawalToTheOperator(FxRobot robot) throws Exception {
        RequestView filed = filedByRita(0);
        robot.clickOn("#nav-requests");
        ContextMenu opened = menuOfOpen(robot, filed.id());
        assertThat(shownItems(opened)).containsExactly("requests-menu-copy", "requests-menu-review",
                "requests-menu-approve", "requests-menu-reject", "requests-menu-withdraw");
        assertThat(enabled(opened, "requests-menu-withdraw")).as("only the filer withdraws").isFalse();
        assertThat(enabled(opened, "requests-menu-review")).isTrue();
        assertThat(enabled(opened, "requests-menu-approve")).as("decided once in review").isFalse();
        assertThat(enabled(opened, "requests-menu-reject")).isFalse();
        choose(robot, opened, "requests-menu-copy");
        assertThat(clipboard()).isEqualTo(filed.id());
        choose(robot, menuOfOpen(robot, filed.id()), "requests-menu-review");
        await(10, () -> app.demo.client().request(filed.id()).state() == RequestState.IN_REVIEW);
    }

    @Test
    void aRequestInReviewIsRejectedAndApprovedFromItsMenuThroughTheDetailsReasonAndPlan(FxRobot robot) throws Exception {
        RequestView toReject = filedByRita(1);
        RequestView toApprove = filedByRita(2);
        app.demo.client().reviewRequest(toReject.id());
        app.demo.client().reviewRequest(toApprove.id());
        robot.clickOn("#nav-requests");

        ContextMenu menu = menuOfOpen(robot, toReject.id());
        assertThat(enabled(menu, "requests-menu-approve")).isTrue();
        assertThat(enabled(menu, "requests-menu-reject")).isTrue();
        choose(robot, menu, "requests-menu-reject");
        await(5, () -> fx(() -> robot.lookup("#request-reject-reason").query().isFocused()));
        robot.write("no release notes");
        robot.interact(() -> robot.lookup("#request-reject").queryButton().fire());
        await(10, () -> app.demo.client().request(toReject.id()).state() == RequestState.REJECTED);
        assertThat(app.demo.client().request(toReject.id()).reason()).isEqualTo("no release notes");
        ContextMenu decided = menuOfOpen(robot, toReject.id());
        assertThat(enabled(decided, "requests-menu-approve")).as("a rejected request").isFalse();
        assertThat(enabled(decided, "requests-menu-reject")).isFalse();
        robot.interact(decided::hide);

        choose(robot, menuOfOpen(robot, toApprove.id()), "requests-menu-approve");
        await(5, () -> fx(() -> robot.lookup("#plan-name").query().isFocused()));
        assertThat(fx(() -> shownInDetail(robot.lookup("#request-plan").query()))).as("the plan in view").isTrue();
        robot.interact(() -> robot.lookup("#request-approve").queryButton().fire());
        await(15, () -> app.demo.client().request(toApprove.id()).state() == RequestState.APPROVED);
    }

    /** Whether {@code node} stands inside the viewport of the scroll pane that holds it. */
    private static boolean shownInDetail(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                return pane.localToScene(pane.getLayoutBounds()).contains(node.localToScene(0, 0));
            }
        }
        return false;
    }

    @Test
    void anImagesMenuOpensWithShiftF10AndCopiesItsCrc(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        TableView<FirmwareView> images = robot.lookup("#firmware-table").queryTableView();
        await(10, () -> !images.getItems().isEmpty());
        robot.interact(() -> images.getSelectionModel().select(0));
        FirmwareView first = fx(() -> images.getSelectionModel().getSelectedItem());
        ContextMenu menu = shiftF10(robot, images);
        assertThat(shownItems(menu)).containsExactly("firmware-menu-copy-sha", "firmware-menu-copy-crc",
                "firmware-menu-save", "firmware-menu-delete");
        choose(robot, menu, "firmware-menu-copy-crc");
        assertThat(clipboard()).isEqualTo(first.crc32());
    }
}
