package nl.fotadesk.client;

import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.WishedWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Update requests through the client: filing one with its image, following it, and the operator's decisions. */
class RequestClientTest extends BackendFixture {
    private static final String PASSWORD = "correct horse battery";
    private static final NewRequest TRACKERS_TO_2 = new NewRequest("tracker-x", "2.0.0", "Fixes the GPS drift.",
            new CampaignTarget(null, null, null, null, null, null),
            new WishedWindow(null, null, "Europe/Amsterdam", null, "02:00", "05:00"), "rita@acme.example");

    @TempDir
    Path files;
    HttpFotaDeskClient rita;

    @BeforeEach
    void aRequesterOfAcmeWithThreeTrackers() {
        client.createClient("acme");
        client.createDeviceType("tracker-x", null);
        register(1, 3, "tracker-x", "1.0.0");
        client.createUser(new NewUser("rita", PASSWORD, Role.REQUESTER, "acme", null, "Rita Acme"));
        rita = HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system());
        rita.signIn("rita", PASSWORD);
    }

    @Test
    void filesAnImageFromAFileFollowsItAndReadsTheReportOnceApproved() throws Exception {
        Path file = Files.write(files.resolve("tracker-2.0.0.bin"), new byte[200_000]);
        List<Long> progress = new CopyOnWriteArrayList<>();

        RequestView filed = rita.fileRequest(TRACKERS_TO_2, file, progress::add);

        assertThat(filed.state()).isEqualTo(RequestState.SUBMITTED);
        assertThat(filed.fileName()).isEqualTo("tracker-2.0.0.bin");
        assertThat(filed.size()).isEqualTo(200_000);
        assertThat(filed.deviceCount()).isEqualTo(3);
        assertThat(progress).isSorted().last().isEqualTo(200_000L);
        assertThat(rita.requests(null)).extracting(RequestView::id).containsExactly(filed.id());
        assertThat(client.requests(RequestState.SUBMITTED)).extracting(RequestView::id).containsExactly(filed.id());
        assertThat(client.requests(RequestState.APPROVED)).isEmpty();

        assertThat(rita.commentOnRequest(filed.id(), "Please update at night.").comments())
                .singleElement().satisfies(c -> assertThat(c.text()).isEqualTo("Please update at night."));
        RequestReview review = client.requestReview(filed.id(), 7);
        assertThat(review.image().size()).isEqualTo(200_000);
        assertThat(review.devices().targeted()).isEqualTo(3);
        assertThat(review.plan().window().from()).isEqualTo("02:00");

        assertThat(client.reviewRequest(filed.id()).state()).isEqualTo(RequestState.IN_REVIEW);
        RolloutPlan twoPhases = new RolloutPlan(null, List.of(new PhaseSpec(34, null), new PhaseSpec(100, null)),
                null, null, null, null, null, null, null);
        RequestView approved = client.approveRequest(filed.id(), twoPhases);

        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        assertThat(client.campaign(approved.campaignId()).phases()).hasSize(2);
        assertThat(rita.request(filed.id()).history()).extracting(RequestStep::state)
                .containsExactly(RequestState.SUBMITTED, RequestState.IN_REVIEW, RequestState.APPROVED);
        assertThat(rita.requestReport(filed.id())).extracting(RequestReportLine::imei, RequestReportLine::oldVersion)
                .containsExactly(tuple(imei(1), "1.0.0"),
                        tuple(imei(2), "1.0.0"),
                        tuple(imei(3), "1.0.0"));
    }

    @Test
    void rejectsWithAReasonWithdrawsAndRefusesATransitionFromTheWrongState() {
        RequestView first = rita.fileRequest(TRACKERS_TO_2, "a.bin", new byte[]{1, 2, 3});
        RequestView second = rita.fileRequest(TRACKERS_TO_2, "b.bin", new byte[]{4, 5, 6});

        assertApiError(() -> client.rejectRequest(first.id(), "not tested"), ConflictException.class, 409,
                "invalid_state", "submitted");
        client.reviewRequest(first.id());
        RequestView rejected = client.rejectRequest(first.id(), "not tested");
        RequestView withdrawn = rita.withdrawRequest(second.id());

        assertThat(rejected.state()).isEqualTo(RequestState.REJECTED);
        assertThat(rejected.reason()).isEqualTo("not tested");
        assertThat(withdrawn.state()).isEqualTo(RequestState.WITHDRAWN);
        assertApiError(() -> rita.withdrawRequest(first.id()), ConflictException.class, 409, "invalid_state", "rejected");
    }
}
