package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How an approved request is rolled out: the campaign's name, phases, thresholds, device timeout,
 * retries, start time and maintenance window. Every field is optional: the review's prefilled plan
 * says what an absent one becomes (the window and start time the requester wished, the campaign defaults).
 * {@code forecastToken}, from the rehearsal of the request with this plan, keeps that forecast with its campaign.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutPlan(String name, List<PhaseSpec> phases, Integer successThreshold, Integer errorThreshold,
                          Long deviceTimeoutSeconds, Integer maxRetries, String scheduledAt, CampaignWindow window,
                          Boolean vendorStrict, String forecastToken) {

    /** A plan not rehearsed (or whose forecast is not kept). */
    public RolloutPlan(String name, List<PhaseSpec> phases, Integer successThreshold, Integer errorThreshold,
                       Long deviceTimeoutSeconds, Integer maxRetries, String scheduledAt, CampaignWindow window,
                       Boolean vendorStrict) {
        this(name, phases, successThreshold, errorThreshold, deviceTimeoutSeconds, maxRetries, scheduledAt, window,
                vendorStrict, null);
    }

    /** This plan with the token of its rehearsal's forecast. */
    public RolloutPlan withForecastToken(String token) {
        return new RolloutPlan(name, phases, successThreshold, errorThreshold, deviceTimeoutSeconds, maxRetries,
                scheduledAt, window, vendorStrict, token);
    }
}
