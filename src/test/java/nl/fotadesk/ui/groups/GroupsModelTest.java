package nl.fotadesk.ui.groups;

import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static nl.fotadesk.ui.FakeFotaDeskClient.device;
import static org.assertj.core.api.Assertions.assertThat;

/** The groups screen's state without a screen: the list, its search, a group's members a page at a time, delete. */
class GroupsModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private final List<String> imeis = IntStream.range(0, 120)
            .mapToObj(i -> Imei.withCheckDigit(String.format("356938035%05d", i))).toList();
    private UiContext context;
    private GroupsModel model;
    private GroupView list;
    private GroupView trackers;

    @BeforeEach
    void serverWithGroups() {
        imeis.forEach(i -> server.devices.add(device(i, "tracker-x", "acme", "1.0")));
        server.clients.addAll(List.of("globex", "acme"));
        list = server.createGroup(new NewGroup("Field test", null, imeis));
        trackers = server.createGroup(new NewGroup("Trackers",
                new GroupFilter("acme", "tracker-x", null, DeviceStatus.FAILED), null));
        context = FakeFotaDeskClient.context(server);
        model = new GroupsModel(context);
    }

    @Test
    void loadsTheGroupsAndTheSortedChoicesForFilters() {
        assertThat(model.placeholder("")).isEqualTo(context.text("groups.loading"));
        model.load();
        assertThat(model.loaded.get()).isTrue();
        assertThat(model.groups).containsExactly(list, trackers);
        assertThat(model.clients).containsExactly("acme", "globex");
        assertThat(model.placeholder("zzz")).isEqualTo(context.text("groups.noMatch", "zzz"));
    }

    @Test
    void saysWhyTheListCouldNotBeLoaded() {
        server.failNext = new IllegalStateException("down");
        model.load();
        assertThat(model.loaded.get()).isFalse();
        assertThat(model.placeholder("")).isEqualTo(context.text("error.unexpected", "IllegalStateException: down"));
    }

    @Test
    void describesAndSearchesGroupsByNameAndCriteria() {
        assertThat(model.criteria(trackers)).isEqualTo(context.text("groups.criteria.client", "acme") + " \u00b7 "
                + context.text("groups.criteria.type", "tracker-x") + " \u00b7 "
                + context.text("groups.criteria.status", context.text("status.failed")));
        assertThat(model.criteria(list)).isEqualTo(context.text("groups.criteria.static", 120));
        assertThat(model.matches(trackers, "  TRACK ")).isTrue();
        assertThat(model.matches(trackers, "acme")).isTrue();
        assertThat(model.matches(list, "acme")).isFalse();
        assertThat(model.matches(list, " ")).isTrue();
    }

    @Test
    void pagesThroughAGroupsMembers() {
        model.load();
        model.show(list);
        assertThat(model.members).hasSize(GroupsModel.PAGE);
        assertThat(model.range()).isEqualTo(context.text("groups.members.range", "1", "50", "120"));
        assertThat(model.hasPrevious()).isFalse();
        model.nextPage();
        model.nextPage();
        assertThat(model.members).extracting(DeviceView::imei).containsExactlyElementsOf(imeis.subList(100, 120));
        assertThat(model.hasNext()).isFalse();
        assertThat(model.hasPrevious()).isTrue();
        assertThat(model.unregisteredNote()).isEmpty();
    }

    @Test
    void showsTheLastPageWhenTheGroupShrankBelowThePageShown() {
        model.load();
        model.show(list);
        model.nextPage();
        model.nextPage();
        server.groupImeis.put(list.id(), imeis.subList(0, 60));
        model.show(list);
        assertThat(model.offset.get()).isEqualTo(50);
        assertThat(model.members).hasSize(10);
    }

    @Test
    void notesTheImeisOfAStaticGroupThatAreNotRegistered() {
        server.devices.removeIf(d -> d.imei().equals(imeis.get(0)));
        model.load();
        model.show(list);
        assertThat(model.unregisteredNote()).isEqualTo(context.text("groups.members.unregistered", 1, 120));
    }

    @Test
    void aMemberUpdatingShowsItsProgress() {
        DeviceView busy = new DeviceView(imeis.get(0), "tracker-x", "acme", "1.0", "1.1", "f", DeviceStatus.DOWNLOADING,
                40, null, null, null, Map.of(), null);
        assertThat(model.memberStatus(busy)).isEqualTo(context.text("groups.members.statusProgress",
                context.text("status.downloading"), 40));
        assertThat(model.memberStatus(device(imeis.get(0), "t", "c", "1.0"))).isEmpty();
    }

    @Test
    void deletingTheShownGroupClearsItsMembers() {
        model.load();
        model.show(list);
        List<String> done = new ArrayList<>();
        model.delete(list, () -> done.add("deleted"), done::add);
        assertThat(done).containsExactly("deleted");
        assertThat(model.groups).containsExactly(trackers);
        assertThat(model.selected.get()).isNull();
        assertThat(model.members).isEmpty();
        assertThat(model.membersPlaceholder()).isEqualTo(context.text("groups.members.none"));
    }

    @Test
    void aRefusedDeleteIsExplainedInTheScreensWordsAndReloads() {
        model.load();
        server.failNext = new NotFoundException("not_found", "no group with id " + trackers.id(), null);
        List<String> done = new ArrayList<>();
        model.delete(trackers, () -> done.add("deleted"), done::add);
        assertThat(done).containsExactly(context.text("groups.error.not_found"));
        assertThat(server.calls).endsWith("deleteGroup " + trackers.id(), "groups", "clients", "deviceTypes", "firmware");
    }
}
