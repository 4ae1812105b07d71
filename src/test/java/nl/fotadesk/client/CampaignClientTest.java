package nl.fotadesk.client;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignClientTest extends BackendFixture {
    List<String> meters;
    String v2;

    @BeforeEach
    void fleet() {
        meters = register(1, 4, "meter-z", "1.0.0");
        register(5, 1, "tracker-x", "1.0.0");
        v2 = client.uploadFirmware("meter-z", "2.0.0", new byte[1000]).id();
    }

    /** The meters in two phases of two; half must succeed, failures never pause it, no automatic retries. */
    private NewCampaign meterCampaign(String name, boolean start) {
        return new NewCampaign(name, v2, new CampaignTarget("acme", null, null, null, null, null),
                List.of(PhaseSpec.percent(50), PhaseSpec.percent(100)), 50, 100, null, 0, null, null, start);
    }

    @Test
    void previewsWhatACampaignWouldTarget() {
        CampaignPreview preview = client.previewCampaign(meterCampaign("meters", false));
        assertThat(preview.matched()).isEqualTo(5);
        assertThat(preview.otherType()).isEqualTo(1);
        assertThat(preview.targeted()).isEqualTo(4);
        assertThat(preview.phaseSizes()).containsExactly(2, 2);
        assertThat(preview.conflicts()).isEmpty();
        assertThat(client.campaigns()).isEmpty();
    }

    @Test
    void runsACampaignThroughItsPhases() throws IOException {
        CampaignView created = client.createCampaign(meterCampaign("meters", true));
        assertThat(created.state()).isEqualTo(CampaignState.RUNNING);
        assertThat(created.devices()).isEqualTo(4);
        assertThat(created.firmwareVersion()).isEqualTo("2.0.0");
        assertThat(created.phases()).hasSize(2);
        assertThat(created.currentPhase()).isZero();
        assertThat(created.counts()).containsEntry("pending", 2).containsEntry("waiting", 2);
        assertThat(client.campaigns()).extracting(CampaignView::id).containsExactly(created.id());

        List<CampaignDeviceView> first = client.campaignDevices(created.id(), 0, null, 0, 10).items();
        assertThat(first).hasSize(2).allSatisfy(d -> assertThat(d.state()).isEqualTo(ActionState.PENDING));
        assertThat(client.campaignDevices(created.id(), null, List.of(ActionState.WAITING), 0, 10).total())
                .isEqualTo(2);

        // one device of the first phase installs the image, the other reports a failure
        uplink(first.get(0).imei(), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        uplink(first.get(0).imei(), "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}");
        uplink(first.get(1).imei(), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        uplink(first.get(1).imei(), "{\"n\":\"fotaResult\",\"v\":8}");
        backend.server().tick();

        CampaignView moved = client.campaign(created.id());
        assertThat(moved.currentPhase()).as("half succeeded: the next phase runs").isEqualTo(1);
        assertThat(moved.counts()).containsEntry("succeeded", 1).containsEntry("failed", 1).containsEntry("pending", 2);
        List<CampaignDeviceView> failed = client.campaignDevices(created.id(), null,
                List.of(ActionState.FAILED, ActionState.TIMED_OUT), 0, 10).items();
        assertThat(failed).singleElement().satisfies(d -> {
            assertThat(d.imei()).isEqualTo(first.get(1).imei());
            assertThat(d.resultCode()).isEqualTo(8);
        });

        assertThat(client.retryFailed(created.id())).isEqualTo(1);
        assertThat(client.campaignDevices(created.id(), 0, List.of(ActionState.PENDING), 0, 10).items())
                .extracting(CampaignDeviceView::imei).containsExactly(first.get(1).imei());
    }

    @Test
    void pausesResumesAndCancels() {
        String id = client.createCampaign(meterCampaign("meters", false)).id();
        assertThat(client.campaign(id).state()).isEqualTo(CampaignState.DRAFT);
        assertApiError(() -> client.pauseCampaign(id), ConflictException.class, 409, "invalid_state", "draft");
        assertApiError(() -> client.retryFailed(id), ConflictException.class, 409, "invalid_state", "draft");

        assertThat(client.startCampaign(id).state()).isEqualTo(CampaignState.RUNNING);
        assertApiError(() -> client.startCampaign(id), ConflictException.class, 409, "invalid_state", "running");
        assertThat(client.pauseCampaign(id).state()).isEqualTo(CampaignState.PAUSED);
        assertApiError(() -> client.pauseCampaign(id), ConflictException.class, 409, "invalid_state", "paused");
        assertThat(client.resumeCampaign(id).state()).isEqualTo(CampaignState.RUNNING);
        assertApiError(() -> client.resumeCampaign(id), ConflictException.class, 409, "invalid_state", "running");

        CampaignView cancelled = client.cancelCampaign(id);
        assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(cancelled.counts()).containsEntry("cancelled", 4);
        assertApiError(() -> client.cancelCampaign(id), ConflictException.class, 409, "invalid_state", "cancelled");
    }

    @Test
    void refusesCampaignsThatCannotRun() {
        CampaignView running = client.createCampaign(meterCampaign("meters", true));
        assertThat(client.previewCampaign(meterCampaign("again", false)).conflicts())
                .singleElement().satisfies(c -> assertThat(c.campaignId()).isEqualTo(running.id()));
        assertApiError(() -> client.createCampaign(meterCampaign("again", true)), ConflictException.class, 409,
                "campaign_conflict", running.id());
        assertApiError(() -> client.setDesiredFirmware(meters.get(0), v2), ConflictException.class, 409,
                "device_in_campaign", running.id());

        NewCampaign nobody = new NewCampaign("nobody", v2, new CampaignTarget("globex", null, null, null, null, null),
                null, null, null, null, null, null, null, true);
        assertApiError(() -> client.createCampaign(nobody), ValidationException.class, 400, "no_devices", "2.0.0");
        NewCampaign unknownImage = new NewCampaign("x", "no-such-id", null, null, null, null, null, null, null, null, null);
        assertApiError(() -> client.previewCampaign(unknownImage), ValidationException.class, 400, "unknown_firmware",
                "no-such-id");

        assertApiError(() -> client.campaign("no-such-id"), NotFoundException.class, 404, "not_found", "no-such-id");
        assertApiError(() -> client.startCampaign("no-such-id"), NotFoundException.class, 404, "not_found", "no-such-id");
        assertApiError(() -> client.campaignDevices("no-such-id", null, null, 0, 10), NotFoundException.class, 404,
                "not_found", "no-such-id");
        assertApiError(() -> client.campaignDevices(running.id(), 0, null, 0, 0), ValidationException.class, 400,
                "invalid_limit", "limit");
    }

    /** An uplink as the device sends it. */
    private void uplink(String imei, String record) throws IOException {
        try (Response r = backend.uplink(TestBackend.pack(imei, record))) {
            assertThat(r.code()).isLessThan(300);
        }
    }
}
