package nl.fotadesk.ui.requests;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.protocol.api.RequestCampaign;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.ui.CsvWriter;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;
import nl.fotadesk.ui.campaigns.RehearsalModel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Requests screen's state: the requests the user sees (filtered by state), the one open with its
 * history and thread, and what may be done to it: comment, withdraw (the filer, before a decision), and
 * for operators the review facts, the prefilled plan, a rehearsal of the campaign it would become (its
 * forecast is kept with that campaign when the request is approved with the same plan), mark in review,
 * approve and reject. Once approved, the report per device, exported as CSV.
 */
public final class RequestsModel {
    /** A device not seen for this many days counts as not seen in the review. */
    public static final int STALE_DAYS = 7;

    public final ObservableList<RequestView> requests = FXCollections.observableArrayList();
    /** Only requests in this state; null: all. */
    public final ObjectProperty<RequestState> stateFilter = new SimpleObjectProperty<>();
    public final ObjectProperty<RequestView> open = new SimpleObjectProperty<>();
    /** The open request's review facts (operators), or null. */
    public final ObjectProperty<RequestReview> review = new SimpleObjectProperty<>();
    public final PlanModel plan;
    /** The rehearsal of the open request with the plan as edited; forgotten when either changes. */
    public final RehearsalModel rehearsal;
    /** The open approved request's outcome per device. */
    public final ObservableList<RequestReportLine> report = FXCollections.observableArrayList();
    public final StringProperty comment = new SimpleStringProperty("");
    public final StringProperty rejectReason = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final Loader<List<RequestView>> loader;

    private final UiContext context;
    private Consumer<String> onApproved = campaignId -> { };

    public RequestsModel(UiContext context) {
        this.context = context;
        this.plan = new PlanModel(context);
        this.rehearsal = new RehearsalModel(context);
        plan.fields().forEach(field -> field.addListener(o -> rehearsal.clear()));
        loader = new Loader<>(context, () -> context.client().requests(stateFilter.get()), requests::setAll);
        stateFilter.addListener((o, a, b) -> load());
    }

    /** Called with the campaign an approval created, to open it. */
    public void setOnApproved(Consumer<String> onApproved) {
        this.onApproved = onApproved;
    }

    public void load() {
        loader.load();
    }

    /**
     * What happened on the server while the screen is shown: any request event reloads the list, and one of
     * the open request (a new state, a comment) reloads it, so its thread and history follow live.
     */
    public void onEvents(List<EventView> events) {
        List<EventView> ofRequests = events.stream().filter(e -> EventView.REQUEST.equals(e.kind())).toList();
        if (ofRequests.isEmpty()) {
            return;
        }
        load();
        RequestView shown = open.get();
        if (shown != null && ofRequests.stream().anyMatch(e -> shown.id().equals(e.requestId()))) {
            context.run(() -> context.client().request(shown.id()), r -> {
                if (isOpen(r)) {
                    show(r);
                }
            }, message::set);
        }
    }

    /** Opens {@code request}: loads it whole, and its review facts or report where they apply. */
    public void open(RequestView request) {
        message.set("");
        if (request == null) {
            show(null);
            return;
        }
        context.run(() -> context.client().request(request.id()), this::show, message::set);
    }

    private void show(RequestView request) {
        boolean other = request == null || open.get() == null || !request.id().equals(open.get().id());
        open.set(request);
        if (other) {
            rehearsal.clear();
            rehearsal.forDeviceType(request == null ? null : request.deviceType());
            review.set(null);
            report.clear();
            comment.set("");
            rejectReason.set("");
        }
        if (request == null) {
            return;
        }
        requests.replaceAll(r -> r.id().equals(request.id()) ? request : r);
        if (context.may(Permission.DECIDE_REQUESTS) && !request.state().isFinal() && (other || review.get() == null)) {
            context.run(() -> context.client().requestReview(request.id(), STALE_DAYS), facts -> {
                if (isOpen(request)) {
                    review.set(facts);
                    plan.fill(facts.plan());
                }
            }, message::set);
        }
        if (request.state() == RequestState.APPROVED) {
            context.run(() -> context.client().requestReport(request.id()), lines -> {
                if (isOpen(request)) {
                    report.setAll(lines);
                }
            }, message::set);
        }
    }

    private boolean isOpen(RequestView request) {
        return open.get() != null && open.get().id().equals(request.id());
    }

    public boolean canComment() {
        return open.get() != null && !comment.get().isBlank();
    }

    /** Only the filer may withdraw; the app offers it to those who file, the server refuses anyone else. */
    public boolean canWithdraw() {
        return open.get() != null && !open.get().state().isFinal() && !context.may(Permission.DECIDE_REQUESTS)
                && context.may(Permission.FILE_REQUESTS);
    }

    public boolean canMarkInReview() {
        return isDecidable(RequestState.SUBMITTED);
    }

    public boolean canDecide() {
        return isDecidable(RequestState.IN_REVIEW);
    }

    private boolean isDecidable(RequestState state) {
        return open.get() != null && open.get().state() == state && context.may(Permission.DECIDE_REQUESTS);
    }

    public void addComment() {
        String text = comment.get().strip();
        if (open.get() == null || text.isEmpty()) {
            return;
        }
        act(id -> context.client().commentOnRequest(id, text), r -> comment.set(""));
    }

    public void withdraw() {
        act(id -> context.client().withdrawRequest(id), r -> message.set(context.text("requests.withdrawn")));
    }

    public void markInReview() {
        act(id -> context.client().reviewRequest(id), r -> message.set(context.text("requests.inReview")));
    }

    /** Approves with the plan as edited; an invalid plan is named in {@link #message} and nothing is sent. */
    public void approve() {
        RolloutPlan edited;
        try {
            edited = plan.toPlan();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        RolloutPlan rehearsed = edited.withForecastToken(rehearsal.forecastToken());
        act(id -> context.client().approveRequest(id, rehearsed), r -> {
            message.set(context.text("requests.approved"));
            if (r.campaignId() != null) {
                onApproved.accept(r.campaignId());
            }
        });
    }

    /** Rehearses the campaign that approving the open request with the plan as edited would create. */
    public void rehearse() {
        String id = Objects.requireNonNull(open.get()).id();
        rehearsal.rehearse(() -> new RehearsalRequest(null, null, null, null, null, null, null, null, null, null, id,
                plan.toPlan()));
    }

    public void reject() {
        String reason = rejectReason.get().strip();
        if (reason.isEmpty()) {
            message.set(context.text("requests.reject.noReason"));
            return;
        }
        act(id -> context.client().rejectRequest(id, reason), r -> message.set(context.text("requests.rejected")));
    }

    private void act(Function<String, RequestView> action, Consumer<RequestView> then) {
        RequestView request = Objects.requireNonNull(open.get());
        busy.set(true);
        message.set("");
        context.run(() -> action.apply(request.id()), (RequestView r) -> {
            busy.set(false);
            show(r);
            then.accept(r);
            load();
        }, problem -> {
            busy.set(false);
            message.set(problem);
        });
    }

    /** How many of the campaign's devices are done (succeeded, failed, timed out or cancelled). */
    public static int done(RequestCampaign campaign) {
        return campaign.counts().entrySet().stream()
                .filter(e -> Arrays.stream(ActionState.values()).anyMatch(s -> s.isTerminal()
                        && s.wireName().equals(e.getKey())))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Writes the report of the open request as CSV: per device its old and new version and the result. */
    public void exportReport(OutputStream out) throws IOException {
        try (CsvWriter csv = new CsvWriter(out, context.i18n().locale())) {
            csv.row(List.of("imei", "oldVersion", "newVersion", "result", "resultCode"));
            for (RequestReportLine line : report) {
                csv.row(List.of(line.imei(), Objects.toString(line.oldVersion(), ""),
                        Objects.toString(line.newVersion(), ""),
                        line.result() == null ? "" : line.result().wireName(),
                        Objects.toString(line.resultCode(), "")));
            }
        }
    }
}
