package nl.fotadesk.ui.devices;

import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.EventView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaigns a device's history names: history entries carry only a campaign's id, so each is
 * looked up by it (a campaign deleted since is left out), and the campaign that holds the device now,
 * if any: the campaign of its newest campaign entry, while that campaign is scheduled, running or
 * paused and the device's update has not finished (its newest entry, whoever caused it, is a busy state).
 */
record HistoryCampaigns(Map<String, CampaignView> byId, CampaignView holding) {
    static final HistoryCampaigns NONE = new HistoryCampaigns(Map.of(), null);

    /** Looks up the campaigns of {@code history} (oldest first). Blocks: call off the FX thread. */
    static HistoryCampaigns of(FotaDeskClient client, List<EventView> history) {
        Map<String, CampaignView> found = new LinkedHashMap<>();
        EventView newest = null;
        for (EventView e : history) {
            if (e.campaignId() != null) {
                newest = e;
                if (!found.containsKey(e.campaignId())) {
                    found.put(e.campaignId(), find(client, e.campaignId()));
                }
            }
        }
        found.values().removeIf(java.util.Objects::isNull);
        CampaignView holding = newest == null ? null : found.get(newest.campaignId());
        String stateNow = history.isEmpty() ? null : history.get(history.size() - 1).state();
        boolean held = holding != null && holding.state().holdsDevices()
                && Optional.ofNullable(DeviceTexts.statusOf(stateNow)).map(DeviceStatus::isActive).orElse(false);
        return new HistoryCampaigns(Map.copyOf(found), held ? holding : null);
    }

    /** The campaign's name, or null when it is not known. */
    String name(String id) {
        CampaignView c = byId.get(id);
        return c == null ? null : c.name();
    }

    private static CampaignView find(FotaDeskClient client, String id) {
        try {
            return client.campaign(id);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
