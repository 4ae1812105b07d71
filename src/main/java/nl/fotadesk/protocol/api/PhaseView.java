package nl.fotadesk.protocol.api;

import java.util.Map;

/** One phase: its devices, its state (waiting, running, done) and its devices per action state. */
public record PhaseView(int index, int devices, PhaseState state, Map<String, Integer> counts,
                        String startedAt, String finishedAt) {
}
