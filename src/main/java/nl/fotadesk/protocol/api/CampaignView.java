package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;

/**
 * A campaign with its settings, where it stands, and its devices per action state, overall and per phase.
 * {@code window} is its maintenance window (null: none); {@code opensAt} says when the window opens next
 * while it is closed and the campaign has yet to finish (null otherwise). {@code changeable}: whether the
 * caller may steer it (start, pause, resume, retry, cancel): a user who may change things, and sees every
 * device of the campaign.
 */
public record CampaignView(String id, String name, String firmwareId, String firmwareVersion, String deviceType,
                           CampaignState state, String stateReason, CampaignTarget target,
                           int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                           boolean vendorStrict, String scheduledAt, String createdAt, String startedAt,
                           String finishedAt, int devices, Map<String, Integer> counts, int currentPhase,
                           List<PhaseView> phases, CampaignWindow window, String opensAt, boolean changeable) {
    @JsonCreator
    public CampaignView {
    }

    /** A campaign without a maintenance window, as an operator sees it. */
    public CampaignView(String id, String name, String firmwareId, String firmwareVersion, String deviceType,
                        CampaignState state, String stateReason, CampaignTarget target,
                        int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                        boolean vendorStrict, String scheduledAt, String createdAt, String startedAt,
                        String finishedAt, int devices, Map<String, Integer> counts, int currentPhase,
                        List<PhaseView> phases) {
        this(id, name, firmwareId, firmwareVersion, deviceType, state, stateReason, target, successThreshold,
                errorThreshold, deviceTimeoutSeconds, maxRetries, vendorStrict, scheduledAt, createdAt, startedAt,
                finishedAt, devices, counts, currentPhase, phases, null, null, true);
    }
}
