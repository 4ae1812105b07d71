package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How an approved request is rolled out: the campaign's name, phases, thresholds, device timeout,
 * retries, start time and maintenance window. Every field is optional: the review's prefilled plan
 * says what an absent one becomes (the window and start time the requester wished, the campaign defaults).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutPlan(String name, List<PhaseSpec> phases, Integer successThreshold, Integer errorThreshold,
                          Long deviceTimeoutSeconds, Integer maxRetries, String scheduledAt, CampaignWindow window,
                          Boolean vendorStrict) {
}
