package nl.fotadesk.backend.events;

import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.EventArgs;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every state change of campaigns, phases, devices and update requests (and a request's new comment), in
 * order. Readers page through it by cursor and may wait for the next event (a long poll), so live views
 * need no busy polling.
 *
 * <p>Events are numbered when their transaction commits, under one counter row's lock, so on any
 * number of nodes ids become visible in increasing order: a cursor never skips an event that
 * commits later with a lower id.
 */
public final class EventLog implements AutoCloseable {
    public static final String CAMPAIGN = "campaign";
    public static final String PHASE = "phase";
    public static final String DEVICE = "device";
    public static final String REQUEST = EventView.REQUEST;
    private static final int MAX_DETAIL = 512;
    static final String CHANNEL = "fota_desk_events";

    private record Pending(Instant at, String kind, String campaignId, Integer phase, String imei, String state,
                           String detail, String requestId, String code, String args) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final LongPolls polls;
    private final PgNotifications notifications;

    /** @param recheck how often waiting long polls look for new events unwoken, in case a wake-up was missed (zero: never) */
    public EventLog(Jdbc jdbc, Clock clock, Duration recheck) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.polls = new LongPolls(this, recheck);
        this.notifications = jdbc.isPostgres() ? new PgNotifications(jdbc, CHANNEL, polls::wake) : null;
    }

    /** Records an event; it is written, numbered and announced when the surrounding transaction commits. */
    public void append(String kind, String campaignId, Integer phase, String imei, String state, EventDetail detail) {
        add(new Pending(clock.instant(), kind, campaignId, phase, imei, state, shortened(detail.english()), null,
                detail.code().wireName(), EventArgs.json(detail.args())));
    }

    /** Records an update request's event: its new state, or "commented" (as {@link #append}). */
    public void appendRequest(String requestId, String state, EventDetail detail) {
        add(new Pending(clock.instant(), REQUEST, null, null, null, state, shortened(detail.english()), requestId,
                detail.code().wireName(), EventArgs.json(detail.args())));
    }

    private void add(Pending event) {
        jdbc.inTransaction(() -> jdbc.boundToTransaction(this, ArrayList<Pending>::new, this::write).add(event));
    }

    private static String shortened(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    /** Numbers and inserts a transaction's events; the counter row stays locked until the commit. */
    private void write(List<Pending> events) {
        jdbc.update("UPDATE event_counter SET last_id = last_id + ? WHERE id = 1", events.size());
        long id = jdbc.count("SELECT last_id FROM event_counter WHERE id = 1") - events.size();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Pending e : events) {
            rows.add(new Object[]{++id, e.at, e.kind, e.campaignId, e.phase, e.imei, e.state, e.detail, e.requestId,
                    e.code, e.args});
        }
        jdbc.batch("INSERT INTO events (id, at, kind, campaign_id, phase_idx, imei, state, detail, request_id, code,"
                + " args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (notifications != null) {
            jdbc.update("NOTIFY " + CHANNEL); // delivered to every node's listener when (and only if) this commits
        }
        jdbc.afterCommit(polls::wake);
    }

    /**
     * Events after {@code cursor}; when there are none yet, the answer waits up to {@code wait} for
     * the first one without holding a thread.
     *
     * @param waiter who waits (the credential), for the cap on long polls per caller
     * @throws LongPolls.TooManyWaiting when {@code waiter} or the server has too many long polls open
     */
    public CompletableFuture<EventPage> since(long cursor, int limit, Duration wait, String waiter) {
        return since(cursor, limit, wait, waiter, Scope.ALL);
    }

    /**
     * As {@link #since(long, int, Duration, String)}, with only the events of the devices in {@code scope}
     * when it limits them, of the campaigns that hold any of them, and of the update requests filed within
     * it; the cursor passes the events left out, so a long poll waits for one of its own.
     */
    public CompletableFuture<EventPage> since(long cursor, int limit, Duration wait, String waiter, Scope scope) {
        DeviceFilter within = scope.narrow(DeviceFilter.ALL);
        EventPage now = page(cursor, limit, within);
        if (!now.events().isEmpty() || wait.isZero()) {
            return CompletableFuture.completedFuture(now);
        }
        return polls.await(now.cursor(), limit, wait, waiter, within);
    }

    /** How many long polls wait for an event now. */
    public int waitingPolls() {
        return polls.waiting();
    }

    /** The cursor of the newest event (0 when there is none): a live view starts from here. */
    public long latest() {
        return jdbc.count("SELECT last_id FROM event_counter WHERE id = 1");
    }

    /** A device's history, oldest first. */
    public List<EventView> forDevice(String imei, int limit) {
        return jdbc.list("SELECT * FROM (SELECT * FROM events WHERE imei = ? ORDER BY id DESC LIMIT ?) e ORDER BY id",
                EventLog::map, imei, limit);
    }

    EventPage page(long cursor, int limit, DeviceFilter within) {
        List<Object> params = new ArrayList<>();
        List<String> terms = within.terms(params);
        if (terms.isEmpty()) {
            List<EventView> events = jdbc.list("SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", EventLog::map,
                    cursor, limit);
            return new EventPage(events, events.isEmpty() ? cursor : events.get(events.size() - 1).id());
        }
        // Events are numbered as they commit, so none will appear at or below the latest number read now.
        long latest = latest();
        String inScope = String.join(" AND ", terms);
        List<Object> all = new ArrayList<>(List.of(cursor, latest));
        all.addAll(params);
        all.addAll(params);
        all.addAll(params);
        all.add(limit);
        // a request is within the scope as a device is, by its client and device type (the columns the terms name)
        List<EventView> events = jdbc.list("SELECT e.* FROM events e WHERE e.id > ? AND e.id <= ? AND ("
                + "EXISTS (SELECT 1 FROM devices d WHERE d.imei = e.imei AND " + inScope + ")"
                + " OR e.imei IS NULL AND EXISTS (SELECT 1 FROM campaign_actions a JOIN devices d ON d.imei = a.imei"
                + " WHERE a.campaign_id = e.campaign_id AND " + inScope + ")"
                + " OR EXISTS (SELECT 1 FROM update_requests d WHERE d.id = e.request_id AND " + inScope + "))"
                + " ORDER BY e.id LIMIT ?", EventLog::map, all.toArray());
        return new EventPage(withoutOthersCounts(events, within),
                events.size() == limit ? events.get(events.size() - 1).id() : Math.max(cursor, latest));
    }

    /**
     * A campaign or phase event of a campaign that also holds devices outside the scope keeps its state
     * but loses its detail, code and arguments, which may count those devices ("3 of 40 devices failed");
     * the campaign itself answers with the scoped user's part.
     */
    private List<EventView> withoutOthersCounts(List<EventView> events, DeviceFilter within) {
        Map<String, Boolean> whole = new HashMap<>();
        List<EventView> shown = new ArrayList<>(events.size());
        for (EventView e : events) {
            boolean partial = e.imei() == null && e.campaignId() != null && (e.detail() != null || e.code() != null)
                    && !whole.computeIfAbsent(e.campaignId(), id -> wholly(id, within));
            shown.add(partial ? e.withoutDetail() : e);
        }
        return shown;
    }

    /** Whether every device of campaign {@code id} is {@code within} the filter. */
    private boolean wholly(String id, DeviceFilter within) {
        List<Object> params = new ArrayList<>(List.of(id));
        String inScope = String.join(" AND ", within.terms(params));
        String actions = "SELECT COUNT(*) FROM campaign_actions a JOIN devices d ON d.imei = a.imei WHERE a.campaign_id = ?";
        return jdbc.count(actions + " AND " + inScope, params.toArray()) == jdbc.count(actions, id);
    }

    /** Answers every open long poll (empty) and stops listening. */
    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        polls.close();
    }

    private static EventView map(ResultSet rs) throws SQLException {
        return new EventView(rs.getLong("id"), Jdbc.instant(rs, "at").toString(), rs.getString("kind"),
                rs.getString("campaign_id"), Jdbc.nullableInt(rs, "phase_idx"), trim(rs.getString("imei")),
                rs.getString("state"), rs.getString("detail"), rs.getString("request_id"), rs.getString("code"),
                EventArgs.of(rs.getString("args")));
    }

    private static String trim(String imei) {
        return imei == null ? null : imei.trim();
    }
}
