package nl.fotadesk.ui.requests;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.Notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * News of update requests: operators are told of each new submitted request, and the badge counts those
 * waiting for review; the others are told when one of their requests changes state, and the badge counts
 * such news until they look at the Requests screen. The server's events of requests (the app's long poll)
 * make it look at once; a slow poll is the safety net for events missed while the server was away.
 */
public final class RequestAlerts {
    static final Duration POLL = Duration.minutes(5);
    private static final Duration SHOWN = Duration.seconds(12);

    private final UiContext context;
    private final Consumer<RequestView> notify;
    private final IntegerProperty badge = new SimpleIntegerProperty();
    /** Made at the first start: a timeline needs the JavaFX toolkit, which tests of the logic do without. */
    private Timeline timeline;
    /** The state of each request at the last poll; null before the first, which only learns them. */
    private Map<String, RequestState> known;
    /** A look at the requests is under way; {@link #again} asks for another once it is done. */
    private boolean polling;
    private boolean again;

    /** @param notify tells the user of a request that is news */
    public RequestAlerts(UiContext context, Consumer<RequestView> notify) {
        this.context = context;
        this.notify = notify;
    }

    /** Notifications at the window's corner; a click on one opens the request with {@code open}. */
    public static Consumer<RequestView> notifications(UiContext context, Stage stage, Consumer<RequestView> open) {
        return request -> {
            if (!stage.isShowing()) {
                return;
            }
            boolean submitted = request.state() == RequestState.SUBMITTED && context.may(Permission.DECIDE_REQUESTS);
            Notifications.create().owner(stage).position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN)
                    .title(context.text(submitted ? "requests.alert.new" : "requests.alert.changed",
                            request.deviceType(), request.version(),
                            context.text("requests.state." + request.state().wireName())))
                    .text(context.text("requests.alert.open", request.requestedBy()))
                    .onAction(a -> {
                        open.accept(request);
                        stage.toFront();
                    })
                    .showInformation();
        };
    }

    public ReadOnlyIntegerProperty badgeProperty() {
        return badge;
    }

    /** Polls now and then every {@link #POLL}, for the user signed in now (a new user starts afresh). */
    public void start() {
        known = null;
        again = false;
        badge.set(0);
        poll();
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(POLL, e -> poll()));
            timeline.setCycleCount(Timeline.INDEFINITE);
        }
        timeline.playFromStart();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }

    /** The Requests screen was seen: a requester's news are read. */
    public void seen() {
        if (!context.may(Permission.DECIDE_REQUESTS)) {
            badge.set(0);
        }
    }

    /** What happened on the server: a request that changed state is looked up now (a comment changes none). */
    public void onEvents(List<EventView> events) {
        if (events.stream().anyMatch(e -> EventView.REQUEST.equals(e.kind()) && !EventView.COMMENTED.equals(e.state()))) {
            poll();
        }
    }

    /** Looks at the requests; one look at a time, so an older answer never follows a newer one. */
    void poll() {
        if (!context.may(Permission.SEE_REQUESTS)) {
            return;
        }
        if (polling) {
            again = true;
            return;
        }
        polling = true;
        boolean decides = context.may(Permission.DECIDE_REQUESTS);
        context.run(() -> context.client().requests(decides ? RequestState.SUBMITTED : null), now -> {
            update(now, decides);
            polled();
        }, unknown -> polled()); // the next event or poll tries again
    }

    private void polled() {
        polling = false;
        if (again) {
            again = false;
            poll();
        }
    }

    private void update(List<RequestView> now, boolean decides) {
        Map<String, RequestState> before = known;
        known = new HashMap<>();
        now.forEach(r -> known.put(r.id(), r.state()));
        List<RequestView> news = before == null ? List.of()
                : now.stream().filter(r -> before.get(r.id()) != r.state()).toList();
        badge.set(decides ? now.size() : badge.get() + news.size());
        news.forEach(notify);
    }
}
