package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAlertsTest {
    private final FakeFotaDeskClient client = new FakeFotaDeskClient();
    private final UiContext context = FakeFotaDeskClient.context(client);
    private final List<RequestAlerts.News> told = new ArrayList<>();
    private final RequestAlerts alerts = new RequestAlerts(context, told::add);

    /** Signs {@code role} in, in the app and as the author of the comments the fake server records. */
    private void as(Role role) {
        client.signedIn = new UserView("u", "U", role, "acme", null, false);
        context.userProperty().set(client.signedIn);
    }

    private void add(String id, RequestState state) {
        client.requests.put(id, FakeFotaDeskClient.request(id, state, "tracker", "2.0.0", 1));
    }

    @Test
    void anOperatorIsToldOfEachNewSubmittedRequestAndTheBadgeCountsThoseWaiting() {
        as(Role.OPERATOR);
        add("r1", RequestState.SUBMITTED);
        add("r0", RequestState.IN_REVIEW);
        alerts.poll();
        assertThat(told).as("the first poll only learns what is there").isEmpty();
        assertThat(alerts.badgeProperty().get()).isEqualTo(1);

        add("r2", RequestState.SUBMITTED);
        alerts.poll();
        assertThat(told).extracting(n -> n.request().id()).containsExactly("r2");
        assertThat(alerts.badgeProperty().get()).isEqualTo(2);
        alerts.seen();
        assertThat(alerts.badgeProperty().get()).as("still waiting for review").isEqualTo(2);
        assertThat(client.calls).containsOnly("requests SUBMITTED");
    }

    @Test
    void aRequesterIsToldWhenTheirRequestChangesStateUntilTheyLook() {
        as(Role.REQUESTER);
        add("r1", RequestState.SUBMITTED);
        alerts.poll();
        client.reviewRequest("r1");
        alerts.poll();
        alerts.poll();

        assertThat(told).extracting(n -> n.request().state()).containsExactly(RequestState.IN_REVIEW);
        assertThat(alerts.badgeProperty().get()).isEqualTo(1);
        alerts.seen();
        assertThat(alerts.badgeProperty().get()).isZero();
    }

    private static EventView event(String kind, String requestId, String state) {
        return new EventView(1, "2026-12-03T12:00:00Z", kind, null, null, null, state, null, requestId);
    }

    @Test
    void aRequestsNewStateMakesItLookAtOnceACommentIsReadAndACampaignsEventIsNoNews() {
        as(Role.REQUESTER);
        add("r1", RequestState.SUBMITTED);
        alerts.poll();
        client.calls.clear();
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", EventView.COMMENTED), event("campaign", null, "running")));
        assertThat(client.calls).as("the commented request is read, the list is not asked").containsExactly("request r1");

        client.reviewRequest("r1");
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", "in_review")));
        assertThat(told).extracting(n -> n.request().state()).containsExactly(RequestState.IN_REVIEW);
        assertThat(alerts.badgeProperty().get()).isEqualTo(1);
    }

    @Test
    void eachSideIsToldOfTheOthersCommentsNotOfItsOwn() {
        as(Role.REQUESTER);
        add("r1", RequestState.SUBMITTED);
        alerts.poll();
        client.commentOnRequest("r1", "Can it wait until Monday?");
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", EventView.COMMENTED)));
        assertThat(told).as("their own comment").isEmpty();

        as(Role.OPERATOR);
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", EventView.COMMENTED)));
        assertThat(told).extracting(n -> n.comment().text()).containsExactly("Can it wait until Monday?");
        client.commentOnRequest("r1", "Yes.");
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", EventView.COMMENTED)));
        assertThat(told).as("an operator's own").hasSize(1);

        as(Role.REQUESTER);
        alerts.seen();
        alerts.onEvents(List.of(event(EventView.REQUEST, "r1", EventView.COMMENTED)));
        assertThat(told).extracting(n -> n.comment().text()).containsExactly("Can it wait until Monday?", "Yes.");
        assertThat(alerts.badgeProperty().get()).as("news until they look").isEqualTo(1);
    }

    @Test
    void aNotificationOfANewStateSaysWhoTookItAndWhatTheServerNoted() {
        RequestView filed = FakeFotaDeskClient.request("r1", RequestState.REJECTED, "tracker", "2.0.0", 1);
        RequestView rejected = FakeFotaDeskClient.with(filed, List.of(filed.history().get(0),
                new RequestStep("2026-12-03T11:00:00Z", "Olga Jansen (operator)", RequestState.REJECTED, "no release notes")),
                List.of());
        assertThat(RequestAlerts.newestStep(context, rejected))
                .isEqualTo("Olga Jansen (operator): rejected \u2013 reason: no release notes. Click to open it.");
    }

    @Test
    void aViewerIsNotAsked() {
        as(Role.VIEWER);
        alerts.poll();
        assertThat(client.calls).isEmpty();
    }
}
