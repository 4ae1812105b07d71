package nl.fotadesk.protocol.api;

import java.util.Map;

/** A campaign's devices per action state at one moment, and the campaign's state then: one point of its chart. */
public record ProgressPoint(String at, CampaignState state, Map<String, Integer> counts) {
}
