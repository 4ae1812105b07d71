package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.store.FirmwareRow;

import java.time.Duration;
import java.util.List;

/**
 * A campaign as the engine would run it, checked like a created one: its image, its devices in the
 * order phases take them, the phase sizes, thresholds and device budget. What a rehearsal runs.
 *
 * @param campaignId the stored campaign it is the plan of; null for a request not created yet
 */
public record CampaignPlan(String campaignId, String name, FirmwareRow image, List<String> imeis,
                           List<Integer> phaseSizes, int successThreshold, int errorThreshold,
                           Duration deviceTimeout, int maxRetries) {

    public RolloutRules.Budget budget() {
        return new RolloutRules.Budget(deviceTimeout, maxRetries);
    }

    public RolloutRules.Thresholds thresholds() {
        return new RolloutRules.Thresholds(errorThreshold, successThreshold, false);
    }
}
