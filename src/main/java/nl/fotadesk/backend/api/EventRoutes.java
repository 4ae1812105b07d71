package nl.fotadesk.backend.api;

import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.events.LongPolls;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.EventPage;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static nl.fotadesk.backend.accounts.Access.READ;

/**
 * {@code GET /api/v1/events?since=<cursor>&wait=<seconds>}: events after the cursor; with {@code wait}
 * the answer comes as soon as there is one, or empty after that many seconds (a long poll that holds
 * no thread while it waits). Without {@code since} the answer is empty with the newest cursor, where a
 * live view starts.
 */
public final class EventRoutes implements Routes {
    static final int MAX_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private final EventLog events;

    public EventRoutes(EventLog events) {
        this.events = events;
    }

    @Override
    public void register(Router router) {
        router.add("GET", "/api/v1/events", READ, x -> {
            String since = x.query("since");
            int limit = x.intQuery("limit", 1, Limits.PAGE, 500);
            int wait = x.intQuery("wait", 0, MAX_WAIT_SECONDS, 0);
            if (since == null) {
                x.json(200, new EventPage(List.of(), events.latest()));
                return;
            }
            long cursor;
            try {
                cursor = Long.parseLong(since);
            } catch (NumberFormatException e) {
                throw new Invalid("invalid_since", "since must be a cursor from an earlier answer; got \"" + since + "\"");
            }
            String caller = x.request().getHeaders().get(HttpHeader.AUTHORIZATION);
            try {
                events.since(cursor, limit, Duration.ofSeconds(wait), caller,
                        x.principal().scope()).whenComplete((page, failure) -> {
                    if (failure == null) {
                        x.json(200, page);
                    } else {
                        LOG.warn("A long poll on the events could not be answered", failure);
                        x.json(503, new HttpError(503, "events_unavailable",
                                "the events could not be read; ask again").body());
                    }
                });
            } catch (LongPolls.TooManyWaiting e) {
                x.response().getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
                throw new HttpError(429, "too_many_long_polls", e.getMessage());
            }
        });
    }
}
