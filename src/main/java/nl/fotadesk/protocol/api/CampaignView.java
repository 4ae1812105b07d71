package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign with its settings, where it stands, and its devices per action state, overall and per phase.
 * {@code window} is its maintenance window (null: none); {@code opensAt} says when the window opens next
 * while it is closed and the campaign has yet to finish (null otherwise). {@code changeable}: whether the
 * caller may steer it (start, pause, resume, retry, cancel): a user who may change things, and sees every
 * device of the campaign. {@code stateReason} says why it is in its state in English (null: nothing to say);
 * {@code stateReasonCode} with {@code stateReasonArgs} say the same for the app to word, as an event's
 * {@code code} and {@code args} (null for a reason given before codes were).
 */
public record CampaignView(String id, String name, String firmwareId, String firmwareVersion, String deviceType,
                           CampaignState state, String stateReason, CampaignTarget target,
                           int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                           boolean vendorStrict, String scheduledAt, String createdAt, String startedAt,
                           String finishedAt, int devices, Map<String, Integer> counts, int currentPhase,
                           List<PhaseView> phases, CampaignWindow window, String opensAt, boolean changeable,
                           String stateReasonCode, Map<String, Object> stateReasonArgs) {
    @JsonCreator
    public CampaignView {
        stateReasonArgs = stateReasonArgs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stateReasonArgs));
    }

    /** A campaign whose reason, if any, has no code. */
    public CampaignView(String id, String name, String firmwareId, String firmwareVersion, String deviceType,
                        CampaignState state, String stateReason, CampaignTarget target,
                        int successThreshold, int errorThreshold, long deviceTimeoutSeconds, int maxRetries,
                        boolean vendorStrict, String scheduledAt, String createdAt, String startedAt,
                        String finishedAt, int devices, Map<String, Integer> counts, int currentPhase,
                        List<PhaseView> phases, CampaignWindow window, String opensAt, boolean changeable) {
        this(id, name, firmwareId, firmwareVersion, deviceType, state, stateReason, target, successThreshold,
                errorThreshold, deviceTimeoutSeconds, maxRetries, vendorStrict, scheduledAt, createdAt, startedAt,
                finishedAt, devices, counts, currentPhase, phases, window, opensAt, changeable, null, null);
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
