package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A rehearsal: of a campaign not created yet ({@code campaign}), of a draft ({@code campaignId}), or of the
 * campaign an update request would become ({@code requestId}, with the {@code plan} to approve it with), one
 * of the three. {@code bearers} maps device types to a bearer ({@code NB_IOT}, {@code LTE_M},
 * {@code GSM_2G}, {@code LTE_4G}, {@code LAN}); the rest take {@code defaultBearer} (LTE-M when absent).
 * Defaults: 7 runs, seed 1, 0 per MB, the devices' part size 512, install 3 s and reboot 2 s (the
 * simulated device's own times).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RehearsalRequest(NewCampaign campaign, String campaignId, Map<String, String> bearers,
                               String defaultBearer, Double pricePerMb, Integer runs, Long seed, Integer partSize,
                               Double installSeconds, Double rebootSeconds, String requestId, RolloutPlan plan) {

    /** A rehearsal of a campaign to create or of a draft. */
    public RehearsalRequest(NewCampaign campaign, String campaignId, Map<String, String> bearers, String defaultBearer,
                            Double pricePerMb, Integer runs, Long seed, Integer partSize, Double installSeconds,
                            Double rebootSeconds) {
        this(campaign, campaignId, bearers, defaultBearer, pricePerMb, runs, seed, partSize, installSeconds,
                rebootSeconds, null, null);
    }
}
