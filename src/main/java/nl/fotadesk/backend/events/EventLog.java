package nl.fotadesk.backend.events;

import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every state change of campaigns, phases and devices, in order. Readers page through it by cursor
 * and may wait for the next event (a long poll), so live views need no busy polling.
 */
public final class EventLog {
    public static final String CAMPAIGN = "campaign";
    public static final String PHASE = "phase";
    public static final String DEVICE = "device";
    private static final int MAX_DETAIL = 512;

    private final Jdbc jdbc;
    private final Clock clock;
    private final Object newEvents = new Object();

    public EventLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void append(String kind, String campaignId, Integer phase, String imei, String state, String detail) {
        String text = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        jdbc.update("INSERT INTO events (at, kind, campaign_id, phase_idx, imei, state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                clock.instant(), kind, campaignId, phase, imei, state, text);
        jdbc.afterCommit(() -> {
            synchronized (newEvents) {
                newEvents.notifyAll();
            }
        });
    }

    /** Events after {@code cursor}, waiting up to {@code wait} for the first one when there are none yet. */
    public EventPage since(long cursor, int limit, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<EventView> events = after(cursor, limit);
        while (events.isEmpty() && System.nanoTime() < deadline) {
            synchronized (newEvents) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    newEvents.wait(Math.min(left, 1000));
                }
            }
            events = after(cursor, limit);
        }
        return new EventPage(events, events.isEmpty() ? cursor : events.get(events.size() - 1).id());
    }

    /** The cursor of the newest event (0 when there is none): a live view starts from here. */
    public long latest() {
        return jdbc.count("SELECT COALESCE(MAX(id), 0) FROM events");
    }

    /** A device's history, oldest first. */
    public List<EventView> forDevice(String imei, int limit) {
        return jdbc.list("SELECT * FROM (SELECT * FROM events WHERE imei = ? ORDER BY id DESC LIMIT ?) e ORDER BY id",
                EventLog::map, imei, limit);
    }

    private List<EventView> after(long cursor, int limit) {
        return jdbc.list("SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", EventLog::map, cursor, limit);
    }

    private static EventView map(ResultSet rs) throws SQLException {
        return new EventView(rs.getLong("id"), Jdbc.instant(rs, "at").toString(), rs.getString("kind"),
                rs.getString("campaign_id"), Jdbc.nullableInt(rs, "phase_idx"), trim(rs.getString("imei")),
                rs.getString("state"), rs.getString("detail"));
    }

    private static String trim(String imei) {
        return imei == null ? null : imei.trim();
    }
}
