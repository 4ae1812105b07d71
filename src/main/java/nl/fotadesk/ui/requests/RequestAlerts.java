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
import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.ActorNames;
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
 * such news until they look at the Requests screen. Each side is told of the other side's comments. The
 * server's events of requests (the app's long poll) make it look at once; a slow poll is the safety net
 * for events missed while the server was away.
 */
public final class RequestAlerts {
    /** News of {@code request}: a new state, or the other side's {@code comment} (null for a state). */
    public record News(RequestView request, RequestComment comment) {
    }

    /** The most of a comment a notification quotes. */
    private static final int QUOTED = 160;
    static final Duration POLL = Duration.minutes(5);
    private static final Duration SHOWN = Duration.seconds(12);

    private final UiContext context;
    private final Consumer<News> notify;
    private final IntegerProperty badge = new SimpleIntegerProperty();
    /** Made at the first start: a timeline needs the JavaFX toolkit, which tests of the logic do without. */
    private Timeline timeline;
    /** The state of each request at the last poll; null before the first, which only learns them. */
    private Map<String, RequestState> known;
    /** A look at the requests is under way; {@link #again} asks for another once it is done. */
    private boolean polling;
    private boolean again;

    /** @param notify tells the user of news of a request */
    public RequestAlerts(UiContext context, Consumer<News> notify) {
        this.context = context;
        this.notify = notify;
    }

    /** Notifications at the window's corner; a click on one opens the request with {@code open}. */
    public static Consumer<News> notifications(UiContext context, Stage stage, Consumer<RequestView> open) {
        return news -> {
            if (!stage.isShowing()) {
                return;
            }
            RequestView request = news.request();
            RequestComment comment = news.comment();
            boolean submitted = request.state() == RequestState.SUBMITTED && context.may(Permission.DECIDE_REQUESTS);
            String title = comment != null ? context.text("requests.alert.comment", request.deviceType(), request.version())
                    : context.text(submitted ? "requests.alert.new" : "requests.alert.changed", request.deviceType(),
                    request.version(), RequestTexts.state(context.i18n(), request.state()));
            String text = comment != null ? ActorNames.of(context.i18n(), comment.author()) + ": " + quoted(comment.text())
                    : newestStep(context, request);
            Notifications.create().owner(stage).position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN)
                    .title(title)
                    .text(text)
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

    /** What happened on the server: requests that changed state are looked up now, and commented ones read. */
    public void onEvents(List<EventView> events) {
        List<EventView> ofRequests = events.stream().filter(e -> EventView.REQUEST.equals(e.kind())).toList();
        if (ofRequests.stream().anyMatch(e -> !EventView.COMMENTED.equals(e.state()))) {
            poll();
        }
        ofRequests.stream().filter(e -> EventView.COMMENTED.equals(e.state())).map(EventView::requestId).distinct()
                .forEach(id -> context.run(() -> context.client().request(id), this::commented, unknown -> { }));
    }

    /** The request's newest comment is news when the other side wrote it: an operator's to the others, and back. */
    private void commented(RequestView request) {
        if (request.comments().isEmpty()) {
            return;
        }
        RequestComment newest = request.comments().get(request.comments().size() - 1);
        boolean decides = context.may(Permission.DECIDE_REQUESTS);
        if (decides == (newest.role() == Role.OPERATOR)) {
            return;
        }
        if (!decides) {
            badge.set(badge.get() + 1);
        }
        notify.accept(new News(request, newest));
    }

    /** "Olga Jansen (operator): approved – campaign “GPS fix” for 1,200 devices. Click to open it." */
    static String newestStep(UiContext context, RequestView request) {
        List<RequestStep> history = request.history();
        RequestStep newest = history.isEmpty() ? new RequestStep(request.createdAt(), request.requestedBy(), request.state(),
                null) : history.get(history.size() - 1);
        return context.text("requests.alert.step", ActorNames.of(context.i18n(), newest.actor()),
                RequestTexts.step(context.i18n(), newest));
    }

    private static String quoted(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= QUOTED ? line : line.substring(0, QUOTED - 1) + "\u2026";
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
        news.forEach(r -> notify.accept(new News(r, null)));
    }
}
