package nl.fotadesk.protocol.api;

import java.util.List;

/** Events after a cursor, and the cursor to ask from next time. */
public record EventPage(List<EventView> events, long cursor) {
}
