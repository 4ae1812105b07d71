package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.ui.ActorNames;
import nl.fotadesk.ui.EventTexts;
import nl.fotadesk.ui.I18n;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's history in the user's language: each step's state with what the server noted of it (as the
 * request's event says it, worded by {@link EventTexts}), and each comment, with when and by whom.
 */
final class RequestTexts {
    private RequestTexts() {
    }

    /** A request's state in words ("in review"). */
    static String state(I18n i18n, RequestState state) {
        return i18n.get("requests.state." + state.wireName());
    }

    /**
     * "approved – campaign “GPS fix” for 1,200 devices": the step's state and what the server noted of it; a
     * step the server noted nothing of is its state alone, and one this version does not know has the server's English.
     */
    static String step(I18n i18n, RequestStep step) {
        Optional<EventDetail> noted = step.noted();
        String said = noted.isEmpty() ? step.detail()
                : noted.get().code() == EventCode.REQUEST_CHANGED ? null
                : EventTexts.said(i18n, noted.get().code(), noted.get().args());
        String state = state(i18n, step.state());
        return said == null ? state : i18n.get("requests.history.noted", state, said);
    }

    /** The request's steps and comments, oldest first, each as "when  who  what". */
    static List<String> history(I18n i18n, RequestView request) {
        record Line(String at, String actor, String text) {
        }
        List<Line> lines = new ArrayList<>();
        for (RequestStep s : request.history()) {
            lines.add(new Line(s.at(), s.actor(), step(i18n, s)));
        }
        String commented = EventTexts.said(i18n, EventCode.REQUEST_COMMENTED, Map.of());
        for (RequestComment c : request.comments()) {
            lines.add(new Line(c.at(), c.author(), commented));
        }
        // by the moment, not the text (fractions of a second vary in length); stable: a step before a comment of its moment
        lines.sort(Comparator.comparing(l -> Instant.parse(l.at())));
        return lines.stream().map(l -> String.join("  ", i18n.dateTime(l.at()), ActorNames.of(i18n, l.actor()), l.text()))
                .toList();
    }
}
