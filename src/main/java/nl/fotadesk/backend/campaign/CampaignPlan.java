package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.store.FirmwareRow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * What the plan rolls out, to whom and by which rules, as SHA-256: the same for the plan a rehearsal ran and
     * for the campaign created from it, as long as its image bytes, its devices in their order and its rules are.
     */
    public byte[] digest() {
        String what = String.join("\n", image.sha256(), String.join(",", imeis), phaseSizes.toString(),
                successThreshold + " " + errorThreshold + " " + deviceTimeout + " " + maxRetries,
                window.map(w -> w.spec().toString()).orElse(""), String.valueOf(scheduledAt));
        try {
            return MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RolloutRules.Budget budget() {
        return new RolloutRules.Budget(deviceTimeout, maxRetries);
    }

    public RolloutRules.Thresholds thresholds() {
        return new RolloutRules.Thresholds(errorThreshold, successThreshold, false);
    }
}
