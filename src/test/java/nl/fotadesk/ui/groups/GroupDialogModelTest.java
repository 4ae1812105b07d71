package nl.fotadesk.ui.groups;

import nl.fotadesk.client.ConflictException;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static nl.fotadesk.ui.FakeFotaDeskClient.device;
import static nl.fotadesk.ui.FakeFotaDeskClient.image;
import static org.assertj.core.api.Assertions.assertThat;

/** The group dialog without a screen: checks as the user types, the live count, IMEI errors, saving. */
class GroupDialogModelTest {
    static final String A = Imei.withCheckDigit("35693803564380");
    static final String B = Imei.withCheckDigit("35693803564381");

    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private UiContext context;
    private GroupsModel groups;
    private final List<GroupView> saved = new ArrayList<>();

    @BeforeEach
    void serverWithDevicesAndAGroup() {
        server.clients.addAll(List.of("acme", "globex"));
        server.deviceTypes.addAll(List.of("tracker-x", "meter-y"));
        server.firmware.addAll(List.of(image("f1", "tracker-x", "1.9.0", 0, 0), image("f2", "tracker-x", "1.10.0", 0, 0),
                image("f3", "meter-y", "2.0", 0, 0)));
        server.devices.addAll(List.of(device(A, "tracker-x", "acme", "1.9.0"), device(B, "tracker-x", "globex", "1.9.0")));
        server.createGroup(new NewGroup("Pilot", null, List.of(A)));
        context = FakeFotaDeskClient.context(server);
        groups = new GroupsModel(context);
        groups.load();
    }

    private GroupDialogModel dialog(GroupView existing) {
        return new GroupDialogModel(context, groups, existing);
    }

    @Test
    void aNewFilterGroupNeedsAFreeNameAndAValidVersion() {
        GroupDialogModel m = dialog(null);
        assertThat(m.valid.get()).isFalse();
        m.name.set("pilot");
        assertThat(m.nameProblem.get()).isEqualTo(context.text("groups.dialog.nameTaken", "pilot"));
        assertThat(m.valid.get()).isFalse();
        m.name.set("x".repeat(65));
        assertThat(m.nameProblem.get()).isEqualTo(context.text("groups.dialog.nameTooLong", 64));
        m.name.set("Trackers");
        assertThat(m.nameProblem.get()).isEmpty();
        assertThat(m.valid.get()).isTrue();
        m.firmware.set("1.0 beta");
        assertThat(m.firmwareProblem.get()).isEqualTo(context.text("groups.dialog.badFirmware"));
        assertThat(m.valid.get()).isFalse();
        m.firmware.set(" ");
        assertThat(m.firmwareProblem.get()).isEmpty();
        assertThat(m.valid.get()).isTrue();
    }

    @Test
    void offersTheVersionsOfTheChosenDeviceTypeNewestFirst() {
        GroupDialogModel m = dialog(null);
        assertThat(m.versions).containsExactly("2.0", "1.10.0", "1.9.0");
        m.deviceType.set("tracker-x");
        assertThat(m.versions).containsExactly("1.10.0", "1.9.0");
        assertThat(m.clientChoices).containsExactly(GroupDialogModel.ANY, "acme", "globex");
        assertThat(m.statusChoices).hasSize(DeviceStatus.values().length + 1);
    }

    @Test
    void countsTheDevicesTheFilterMatchesNow() {
        GroupDialogModel m = dialog(null);
        m.preview();
        assertThat(m.preview.get()).isEqualTo(context.text("groups.preview.all", 2));
        m.client.set("acme");
        m.preview();
        assertThat(m.preview.get()).isEqualTo(context.text("groups.preview", 1));
        m.firmware.set("1.0 beta");
        m.preview();
        assertThat(m.preview.get()).isEmpty();
        server.failNext = new IllegalStateException("boom");
        m.firmware.set("");
        m.preview();
        assertThat(m.preview.get()).isEqualTo(context.text("error.unexpected", "IllegalStateException: boom"));
    }

    @Test
    void reportsBadImeisWithTheirLineAndCountsDuplicates() {
        GroupDialogModel m = dialog(null);
        m.name.set("Field test");
        m.staticKind.set(true);
        assertThat(m.valid.get()).isFalse();
        m.imeis.set(A + "\n" + B + ", " + A);
        m.parse();
        assertThat(m.imeiSummary.get()).isEqualTo(context.text("groups.static.countDuplicates", 2, 1));
        assertThat(m.imeiProblems.get()).isEmpty();
        assertThat(m.valid.get()).isTrue();
        m.imeis.set(A + "\n12345");
        m.parse();
        assertThat(m.imeiProblems.get()).isEqualTo(context.text("groups.imei.line", 2, "12345",
                context.text("groups.imei.length", "5")));
        assertThat(m.valid.get()).isFalse();
    }

    @Test
    void showsTheFirstSixProblemsAndHowManyMore() {
        GroupDialogModel m = dialog(null);
        m.imeis.set("1\n2\n3\n4\n5\n6\n7\n8");
        m.parse();
        List<String> lines = m.imeiProblems.get().lines().toList();
        assertThat(lines).hasSize(GroupDialogModel.MAX_PROBLEMS_SHOWN + 1);
        assertThat(lines.get(GroupDialogModel.MAX_PROBLEMS_SHOWN)).isEqualTo(context.text("groups.imei.more", 2));
    }

    @Test
    void savesANewStaticGroupWithItsImeisOnce() {
        GroupDialogModel m = dialog(null);
        m.name.set(" Field test ");
        m.staticKind.set(true);
        m.imeis.set(A + "\n" + A + "\n" + B);
        m.parse();
        m.submit(saved::add);
        assertThat(saved).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("Field test");
            assertThat(g.kind()).isEqualTo(GroupKind.STATIC);
        });
        assertThat(server.groupImeis.get(saved.get(0).id())).containsExactly(A, B);
        assertThat(groups.groups).extracting(GroupView::name).contains("Field test");
    }

    @Test
    void editsAFilterGroupWithItsCriteriaInTheFields() {
        GroupView trackers = server.createGroup(new NewGroup("Trackers",
                new GroupFilter("initech", "tracker-x", "1.9.0", DeviceStatus.FAILED), null));
        groups.load();
        GroupDialogModel m = dialog(trackers);
        assertThat(m.editing()).isTrue();
        assertThat(m.staticKind.get()).isFalse();
        assertThat(m.client.get()).isEqualTo("initech");
        assertThat(m.clientChoices).contains("initech");
        assertThat(m.firmware.get()).isEqualTo("1.9.0");
        assertThat(m.status.get()).isEqualTo("failed");
        assertThat(m.valid.get()).isTrue();
        m.status.set(GroupDialogModel.ANY);
        m.submit(saved::add);
        assertThat(server.calls).contains("replaceGroup " + trackers.id());
        assertThat(saved.get(0).filter()).isEqualTo(new GroupFilter("initech", "tracker-x", "1.9.0", null));
    }

    @Test
    void editsAStaticGroupWithItsStoredImeis() {
        GroupView pilot = groups.byId("g1").orElseThrow();
        GroupDialogModel m = dialog(pilot);
        assertThat(m.staticKind.get()).isTrue();
        assertThat(m.loadingImeis.get()).isFalse();
        assertThat(m.imeis.get()).isEqualTo(A);
        assertThat(m.imeiSummary.get()).isEqualTo(context.text("groups.static.count", 1));
        assertThat(m.nameProblem.get()).isEmpty(); // its own name is not taken
        assertThat(m.valid.get()).isTrue();
    }

    @Test
    void keepsTheServersRefusalInItsOwnWords() {
        GroupDialogModel m = dialog(null);
        m.name.set("Trackers");
        server.failNext = new ConflictException("duplicate_group", "a group named Trackers exists", null);
        m.submit(saved::add);
        assertThat(saved).isEmpty();
        assertThat(m.saving.get()).isFalse();
        assertThat(m.error.get()).isEqualTo(context.text("groups.error.duplicate_group"));
    }

    /** {@code g} as the server shows a supplier's or customer's group to an operator. */
    private static GroupView ownedBy(GroupOwner owner, GroupView g) {
        return new GroupView(g.id(), g.name(), g.kind(), g.filter(), g.members(), g.createdAt(), owner, true);
    }

    @Test
    void anOperatorEditingACustomersGroupIsOfferedAndCountedOnlyTheirDevices() {
        GroupView trackers = ownedBy(new GroupOwner("acme", null), server.createGroup(new NewGroup("Acme trackers",
                new GroupFilter(null, "tracker-x", null, null), null)));
        GroupDialogModel m = dialog(trackers);
        assertThat(m.ownerLine()).isEqualTo("Group of customer acme: only devices of client acme can be chosen.");
        assertThat(m.clientChoices).containsExactly(GroupDialogModel.ANY, "acme");
        assertThat(m.typeChoices).containsExactly(GroupDialogModel.ANY, "meter-y", "tracker-x");
        m.preview();
        assertThat(m.preview.get()).as("of the two trackers, acme's").isEqualTo(context.text("groups.preview", 1));
        m.deviceType.set(GroupDialogModel.ANY);
        m.preview();
        assertThat(m.preview.get()).isEqualTo("No criteria: every device of this group\u2019s owner is a member (1 now).");
        m.firmware.set("1.9.0");
        m.submit(saved::add);
        assertThat(saved).singleElement().extracting(GroupView::filter).isEqualTo(new GroupFilter(null, null, "1.9.0", null));
    }

    @Test
    void anOperatorEditingASuppliersGroupIsOfferedTheirTypesAndTheirVersions() {
        GroupView meters = ownedBy(new GroupOwner(null, List.of("meter-y")), server.createGroup(new NewGroup("Meters",
                new GroupFilter(null, null, null, null), null)));
        GroupDialogModel m = dialog(meters);
        assertThat(m.ownerLine()).isEqualTo("Group of the supplier of meter-y: only devices of this type can be chosen.");
        assertThat(m.typeChoices).containsExactly(GroupDialogModel.ANY, "meter-y");
        assertThat(m.clientChoices).containsExactly(GroupDialogModel.ANY, "acme", "globex");
        assertThat(m.versions).containsExactly("2.0");
        m.preview();
        assertThat(m.preview.get()).as("no meter among the devices").isEqualTo(context.text("groups.preview.allOwners", 0));
    }

    @Test
    void anOwnedListTakesOnlyTheOwnersDevicesAndShowsTheLinesOfOthers() {
        String unregistered = Imei.withCheckDigit("35693803564382");
        GroupDialogModel m = dialog(ownedBy(new GroupOwner("acme", null), groups.byId("g1").orElseThrow()));
        assertThat(m.imeis.get()).isEqualTo(A);
        assertThat(m.valid.get()).isTrue();
        m.imeis.set(A + "\n" + B + "\n12345\n" + unregistered + ", " + B);
        m.parse();
        assertThat(m.imeiProblems.get().lines()).containsExactly(
                "Line 2: " + B + " \u2014 not a registered device of this group\u2019s owner",
                context.text("groups.imei.line", 3, "12345", context.text("groups.imei.length", "5")),
                context.text("groups.imei.line", 4, unregistered, context.text("groups.imei.notOwners")));
        assertThat(m.valid.get()).isFalse();
        m.imeis.set(A);
        m.parse();
        assertThat(m.imeiProblems.get()).isEmpty();
        m.name.set("Acme pilot");
        m.submit(saved::add);
        assertThat(saved).singleElement().extracting(GroupView::name).isEqualTo("Acme pilot");
    }

    @Test
    void aCustomerSeesNoOwnerLineOnTheirOwnGroupAndTheirListIsCheckedAgainstTheirDevices() {
        context.userProperty().set(new UserView("carla", "Carla", Role.CUSTOMER, "acme", null, false));
        GroupDialogModel m = dialog(null);
        assertThat(m.ownerLine()).isEmpty();
        m.staticKind.set(true);
        m.imeis.set(B);
        m.parse();
        assertThat(m.imeiProblems.get()).isEqualTo(context.text("groups.imei.line", 1, B, context.text("groups.imei.notYours")));
    }

    @Test
    void leavesTheCheckToTheServerWhenTheOwnersDevicesCannotBeLoaded() {
        server.failNext = new IllegalStateException("boom");
        GroupDialogModel m = dialog(ownedBy(new GroupOwner("acme", null), groups.byId("g1").orElseThrow()));
        assertThat(m.error.get()).isEqualTo(context.text("error.unexpected", "IllegalStateException: boom"));
        m.imeis.set(B);
        m.parse();
        assertThat(m.imeiProblems.get()).isEmpty();
        assertThat(m.valid.get()).isTrue();
    }
}
