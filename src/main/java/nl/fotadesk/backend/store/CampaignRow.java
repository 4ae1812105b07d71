package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.CampaignState;

import java.time.Instant;

/** A campaign as stored; {@code target} is the JSON of its {@code CampaignTarget}; {@code stateReason} may be null. */
public record CampaignRow(String id, String name, String firmwareId, CampaignState state, String target,
                          int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                          boolean vendorStrict, Instant scheduledAt, StateReason stateReason, Instant createdAt,
                          Instant startedAt, Instant finishedAt) {
}
