package nl.fotadesk.protocol.api;

import java.util.Map;

/** The campaign of an approved request, as its requester follows it: its state and its devices per action state. */
public record RequestCampaign(String id, CampaignState state, String stateReason, int devices,
                              Map<String, Integer> counts, String opensAt) {
}
