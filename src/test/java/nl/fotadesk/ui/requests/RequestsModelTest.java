package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.RequestCampaign;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestsModelTest {
    private final FakeFotaDeskClient client = new FakeFotaDeskClient();
    private final UiContext context = FakeFotaDeskClient.context(client);

    private RequestsModel as(Role role) {
        context.userProperty().set(new UserView("u", "U", role, "acme", null, false));
        client.requests.put("r1", FakeFotaDeskClient.request("r1", RequestState.SUBMITTED, "tracker", "2.0.0", 3));
        client.review = new RequestReview(null, null, new RolloutPlan("Request r1", List.of(new PhaseSpec(10, null),
                new PhaseSpec(100, null)), 100, 10, 3600L, 1, null,
                new CampaignWindow("Europe/Amsterdam", null, "02:00", "05:00"), null));
        RequestsModel model = new RequestsModel(context);
        model.load();
        model.open(model.requests.get(0));
        return model;
    }

    @Test
    void theOpenRequestFollowsTheServersEventsLive() {
        RequestsModel model = as(Role.REQUESTER);
        model.comment.set("half a thought");
        client.requests.put("r2", FakeFotaDeskClient.request("r2", RequestState.SUBMITTED, "tracker", "2.1.0", 1));
        client.reviewRequest("r1");
        client.calls.clear();

        model.onEvents(List.of(new EventView(7, "2026-12-03T12:00:00Z", EventView.REQUEST, null, null, null,
                "in_review", null, "r1")));

        assertThat(model.requests).hasSize(2);
        assertThat(model.open.get().state()).isEqualTo(RequestState.IN_REVIEW);
        assertThat(model.comment.get()).as("what the user was writing stays").isEqualTo("half a thought");
        client.calls.clear();
        model.onEvents(List.of(new EventView(8, "2026-12-03T12:00:00Z", "device", "c1", 0, "356938035643809",
                "downloading", null)));
        assertThat(client.calls).as("not a request's event").isEmpty();
    }

    @Test
    void anOperatorReviewsApprovesWithTheEditedPlanAndTheCampaignOpens() {
        RequestsModel model = as(Role.OPERATOR);
        List<String> opened = new ArrayList<>();
        model.setOnApproved(opened::add);

        assertThat(model.plan.phases.get()).isEqualTo("10%, 100%");
        assertThat(model.plan.from.get()).isEqualTo("02:00");
        assertThat(model.canWithdraw()).as("operators decide, they do not withdraw").isFalse();
        assertThat(model.canMarkInReview()).isTrue();
        assertThat(model.canDecide()).isFalse();

        model.markInReview();
        assertThat(model.canDecide()).isTrue();
        model.plan.phases.set("50%, 100%");
        model.plan.maxRetries.set("2");
        model.approve();

        assertThat(client.approvedPlan.phases()).containsExactly(new PhaseSpec(50, null), new PhaseSpec(100, null));
        assertThat(client.approvedPlan.maxRetries()).isEqualTo(2);
        assertThat(client.approvedPlan.window().to()).isEqualTo("05:00");
        assertThat(model.open.get().state()).isEqualTo(RequestState.APPROVED);
        assertThat(opened).containsExactly("c-r1");
    }

    @Test
    void aBadPlanOrAMissingReasonIsNamedAndNothingIsSent() {
        RequestsModel model = as(Role.OPERATOR);
        model.markInReview();
        model.plan.errorThreshold.set("ten");
        model.approve();
        assertThat(model.message.get()).contains("ten");
        model.reject();
        assertThat(model.message.get()).isEqualTo("Say why the request is rejected.");
        assertThat(client.calls).noneMatch(c -> c.startsWith("approve") || c.startsWith("reject"));

        model.rejectReason.set("Not tested on hardware rev B.");
        model.reject();
        assertThat(model.open.get().reason()).isEqualTo("Not tested on hardware rev B.");
    }

    @Test
    void aRequesterCommentsWithdrawsAndSeesNoReview() {
        RequestsModel model = as(Role.REQUESTER);
        assertThat(model.review.get()).isNull();
        assertThat(model.canMarkInReview()).isFalse();

        model.comment.set("Please update at night.");
        model.addComment();
        assertThat(model.open.get().comments()).extracting(c -> c.text()).containsExactly("Please update at night.");
        assertThat(model.comment.get()).isEmpty();

        assertThat(model.canWithdraw()).isTrue();
        model.withdraw();
        assertThat(model.open.get().state()).isEqualTo(RequestState.WITHDRAWN);
        assertThat(model.canWithdraw()).isFalse();
        assertThat(client.calls).noneMatch(c -> c.startsWith("review facts"));
    }

    @Test
    void countsTheCampaignsDevicesThatAreDone() {
        assertThat(RequestsModel.done(new RequestCampaign("c", null, null, 10,
                Map.of("succeeded", 4, "failed", 1, "downloading", 3, "waiting", 2), null))).isEqualTo(5);
    }

    @Test
    void filtersByStateAndExportsTheReportOfAnApprovedRequest() throws Exception {
        RequestsModel model = as(Role.OPERATOR);
        model.stateFilter.set(RequestState.APPROVED);
        assertThat(model.requests).isEmpty();
        client.report.add(new RequestReportLine("356938035643809", "1.0.0", "2.0.0", ActionState.SUCCEEDED, 1));
        model.stateFilter.set(null);
        model.markInReview();
        model.approve();

        assertThat(model.report).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.exportReport(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imei,oldVersion,newVersion,result,resultCode\r\n")
                .contains("356938035643809,1.0.0,2.0.0,succeeded,1\r\n");
    }
}
