package nl.fotadesk.ui.devices;

import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.EventView;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaigns a history names are looked up by id; the one holding the device is told apart. */
class HistoryCampaignsTest {
    static final String IMEI = "356938035643809";
    final Map<String, CampaignView> server = new java.util.HashMap<>();
    final List<String> asked = new ArrayList<>();
    final FotaDeskClient client = (FotaDeskClient) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{FotaDeskClient.class}, (proxy, method, args) -> {
                if (!method.getName().equals("campaign")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                asked.add((String) args[0]);
                CampaignView c = server.get((String) args[0]);
                if (c == null) {
                    throw new NotFoundException("not_found", "no such campaign", null);
                }
                return c;
            });

    @Test
    void namesEachCampaignOnceAndLeavesOutOnesDeletedSince() {
        server.put("c-2", campaign("c-2", "Meters to 2.0", CampaignState.COMPLETED));
        HistoryCampaigns found = HistoryCampaigns.of(client, List.of(event("c-1", "pending"), event("c-1", "failed"),
                event(null, "pending"), event("c-2", "pending"), event("c-2", "succeeded")));

        assertThat(asked).containsExactly("c-1", "c-2");
        assertThat(found.name("c-2")).isEqualTo("Meters to 2.0");
        assertThat(found.name("c-1")).isNull();
        assertThat(found.holding()).as("its update there has finished").isNull();
    }

    @Test
    void theCampaignOfTheNewestEntryHoldsTheDeviceWhileItRunsAndTheUpdateIsUnderWay() {
        server.put("c-1", campaign("c-1", "Trackers", CampaignState.PAUSED));
        assertThat(HistoryCampaigns.of(client, List.of(event("c-1", "pending"), event("c-1", "downloading")))
                .holding().name()).isEqualTo("Trackers");

        server.put("c-1", campaign("c-1", "Trackers", CampaignState.CANCELLED));
        assertThat(HistoryCampaigns.of(client, List.of(event("c-1", "downloading"))).holding()).isNull();

        server.put("c-1", campaign("c-1", "Trackers", CampaignState.RUNNING));
        assertThat(HistoryCampaigns.of(client, List.of(event("c-1", "pending"), event(null, "downloading")))
                .holding()).as("the device's own uplinks say it is still at it").isNotNull();
        assertThat(HistoryCampaigns.of(client, List.of(event("c-1", "pending"), event(null, "succeeded")))
                .holding()).as("its update has finished").isNull();
        assertThat(HistoryCampaigns.of(client, List.of()).holding()).isNull();
    }

    private static EventView event(String campaignId, String state) {
        return new EventView(1, "2026-12-03T10:00:00Z", "device", campaignId, campaignId == null ? null : 0, IMEI,
                state, "");
    }

    private static CampaignView campaign(String id, String name, CampaignState state) {
        return new CampaignView(id, name, "fw", "2.0.0", "tracker-x", state, null, null, 90, 10, 3600, 1, false,
                null, null, null, null, 1, Map.of(), 0, List.of());
    }
}
