package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.store.FirmwareRow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as the engine would run it, checked like a created one: its image, its devices in the
 * order phases take them, the phase sizes, thresholds and device budget, its maintenance window and when
 * it is scheduled. What a rehearsal runs.
 *
 * @param campaignId  the stored campaign it is the plan of; null for a request not created yet
 * @param scheduledAt when it is to start; null when it starts when it is started
 */
public record CampaignPlan(String campaignId, String name, FirmwareRow image, List<String> imeis,
                           List<Integer> phaseSizes, int successThreshold, int errorThreshold,
                           Duration deviceTimeout, int maxRetries, Optional<MaintenanceWindow> window,
                           Instant scheduledAt) {

    /** A plan without a maintenance window, not scheduled. */
    public CampaignPlan(String campaignId, String name, FirmwareRow image, List<String> imeis,
                        List<Integer> phaseSizes, int successThreshold, int errorThreshold, Duration deviceTimeout,
                        int maxRetries) {
        this(campaignId, name, image, imeis, phaseSizes, successThreshold, errorThreshold, deviceTimeout, maxRetries,
                Optional.empty(), null);
    }

    public RolloutRules.Budget budget() {
        return new RolloutRules.Budget(deviceTimeout, maxRetries);
    }

    public RolloutRules.Thresholds thresholds() {
        return new RolloutRules.Thresholds(errorThreshold, successThreshold, false);
    }
}
