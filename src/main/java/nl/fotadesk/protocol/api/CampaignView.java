package nl.fotadesk.protocol.api;

import java.util.List;
import java.util.Map;

/** A campaign with its settings, where it stands, and its devices per action state, overall and per phase. */
public record CampaignView(String id, String name, String firmwareId, String firmwareVersion, String deviceType,
                           CampaignState state, String stateReason, CampaignTarget target,
                           int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                           boolean vendorStrict, String scheduledAt, String createdAt, String startedAt,
                           String finishedAt, int devices, Map<String, Integer> counts, int currentPhase,
                           List<PhaseView> phases) {
}
