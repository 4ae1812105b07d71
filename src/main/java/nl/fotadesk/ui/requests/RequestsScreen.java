package nl.fotadesk.ui.requests;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.ui.ActorNames;
import nl.fotadesk.ui.NamedScreen;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;
import nl.fotadesk.ui.campaigns.RehearsalCard;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Update requests: the list (filtered by state) beside the open request with its history, comment
 * thread, review and plan (operators) or report (once approved); "New request…" opens the requester's form.
 */
public final class RequestsScreen extends NamedScreen {
    private final UiContext context;
    private final RequestsModel model;
    private final VBox detail = new VBox(8);
    private final SplitPane root;
    /** Shows the open request anew when it, its review or its report changes; removed when the screen is relabelled. */
    private final InvalidationListener redraw = o -> showDetail();
    private final ListView<RequestView> list = new ListView<>();
    private Consumer<String> onOpenCampaign = id -> { };
    /** The form while it is shown, or null. */
    private RequestFormModel form;

    public RequestsScreen(UiContext context) {
        this(context, new RequestsModel(context), null);
    }

    /** The screen on {@code model}, with {@code form} shown when it is not null (both kept across a language switch). */
    private RequestsScreen(UiContext context, RequestsModel model, RequestFormModel form) {
        super("requests", Permission.SEE_REQUESTS);
        this.context = context;
        this.model = model;
        model.setOnApproved(id -> onOpenCampaign.accept(id));
        ScrollPane detailPane = new ScrollPane(detail);
        detailPane.setFitToWidth(true);
        root = root(new SplitPane(list(), detailPane));
        root.setDividerPositions(0.35);
        model.open.addListener(redraw);
        model.review.addListener(redraw);
        model.report.addListener(redraw);
        if (form == null) {
            showDetail();
        } else {
            showForm(form);
        }
    }

    /** The same list, filter and open request, or the form with what was filled in, in the new language. */
    @Override
    public Screen relabelled() {
        model.open.removeListener(redraw);
        model.review.removeListener(redraw);
        model.report.removeListener(redraw);
        return new RequestsScreen(context, model, form);
    }

    /** Opens the campaign an approval created. */
    public void setOnOpenCampaign(Consumer<String> onOpenCampaign) {
        this.onOpenCampaign = onOpenCampaign;
    }

    public RequestsModel model() {
        return model;
    }

    /** The requester's form while it is shown, or null (for tests: a file is chosen in a system dialog). */
    public RequestFormModel form() {
        return form;
    }

    @Override
    public void onShow() {
        model.load();
    }

    @Override
    public void onEvents(List<EventView> events) {
        model.onEvents(events);
    }

    private String stateText(RequestState state) {
        return state == null ? context.text("requests.filter.all") : RequestTexts.state(context.i18n(), state);
    }

    private Node list() {
        Label title = new Label(context.text("requests.title"));
        title.getStyleClass().add("screen-title");
        ComboBox<RequestState> filter = new ComboBox<>();
        filter.setId("requests-filter");
        filter.getItems().add(null);
        filter.getItems().addAll(RequestState.values());
        filter.setCellFactory(l -> new StateCell());
        filter.setButtonCell(new StateCell());
        filter.valueProperty().bindBidirectional(model.stateFilter);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        Button add = new Button(context.text("requests.new"));
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setId("requests-new");
        Permission.FILE_REQUESTS.offer(add, context);
        add.setOnAction(e -> showForm());
        list.setItems(model.requests);
        list.setId("requests-list");
        list.setPlaceholder(new Label(context.text("requests.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true); // with no width of its own, the cell wraps at the list's width
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(RequestView r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : context.text("requests.detail.title", r.deviceType(), r.version(),
                        r.deviceCount()) + " \u2013 " + stateText(r.state()) + "\n"
                        + ActorNames.of(context.i18n(), r.requestedBy()) + ", " + context.i18n().dateTime(r.createdAt()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (model.open.get() == null || !b.id().equals(model.open.get().id()))) {
                model.open(b);
            }
        });
        if (model.open.get() != null) { // relabelled: the open request stays the one chosen
            model.requests.stream().filter(r -> r.id().equals(model.open.get().id())).findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        }
        requestMenu();
        VBox.setVgrow(list, Priority.ALWAYS);
        FlowPane tools = new FlowPane(8, 8, filter, add); // in a narrow list the button goes below the filter
        VBox box = new VBox(8, title, tools, list);
        box.getStyleClass().add("card");
        return box;
    }

    /**
     * Right-click on a request (which the click opens): copy its id, or take the step the detail offers for it
     * once it is open there (mark in review, withdraw). Approving and rejecting need the plan and reason
     * of the detail: their items bring the operator there, with the plan's first field or the reason focused.
     */
    private void requestMenu() {
        RowMenu<RequestView> rows = RowMenu.of(list, "requests-menu");
        rows.addCopy("requests-menu-copy", context.text("requests.menu.copyId"), RequestView::id);
        rows.addSeparator();
        MenuItem review = rows.addForOne("requests-menu-review", context.text("requests.review.markInReview"),
                r -> isOpen(r) && model.canMarkInReview(), r -> model.markInReview());
        Permission.DECIDE_REQUESTS.offer(review, context);
        MenuItem approve = rows.addForOne("requests-menu-approve", context.text("requests.menu.approve"),
                r -> isOpen(r) && model.canDecide(), r -> bringTo("request-plan", "plan-name"));
        Permission.DECIDE_REQUESTS.offer(approve, context);
        MenuItem reject = rows.addForOne("requests-menu-reject", context.text("requests.menu.reject"),
                r -> isOpen(r) && model.canDecide(), r -> bringTo("request-decision", "request-reject-reason"));
        Permission.DECIDE_REQUESTS.offer(reject, context);
        MenuItem withdraw = rows.addForOne("requests-menu-withdraw", context.text("requests.withdraw"),
                r -> isOpen(r) && model.canWithdraw(), r -> model.withdraw());
        Permission.FILE_REQUESTS.offer(withdraw, context);
    }

    /** Scrolls the open request's part {@code partId} to the top of the detail and focuses its field {@code fieldId}. */
    private void bringTo(String partId, String fieldId) {
        Node part = detail.lookup("#" + partId);
        Node field = detail.lookup("#" + fieldId);
        if (part == null || field == null) {
            return;
        }
        root.applyCss();
        root.layout(); // where the part stands, before the scroll pane scrolls to it
        Nodes.scrollToTop(part);
        field.requestFocus();
    }

    /** Whether {@code r} is the request open in the detail, and no step is under way (the steps act on that one). */
    private boolean isOpen(RequestView r) {
        return model.open.get() != null && model.open.get().id().equals(r.id()) && !model.busy.get();
    }

    private final class StateCell extends ListCell<RequestState> {
        @Override
        protected void updateItem(RequestState state, boolean empty) {
            super.updateItem(state, empty);
            setText(empty ? null : stateText(state));
        }
    }

    private Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private Label heading(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    private void showDetail() {
        form = null;
        RequestView r = model.open.get();
        detail.getChildren().clear();
        Label message = new Label();
        message.setId("requests-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        if (r == null) {
            detail.getChildren().addAll(wrapped(context.text("requests.detail.none")), message);
            return;
        }
        Label title = new Label(context.text("requests.detail.title", r.deviceType(), r.version(), r.deviceCount())
                + " \u2013 " + stateText(r.state()));
        title.getStyleClass().add("screen-title");
        title.setId("request-title");
        title.setWrapText(true);
        detail.getChildren().addAll(title, wrapped(context.text("requests.detail.file", r.fileName(),
                context.i18n().bytes(r.size()), r.sha256(), r.crc32())));
        if (r.releaseNotes() != null) {
            detail.getChildren().add(wrapped(r.releaseNotes()));
        }
        if (r.contact() != null) {
            detail.getChildren().add(wrapped(context.text("requests.detail.contact", r.contact())));
        }
        if (r.reason() != null) {
            detail.getChildren().add(wrapped(context.text("requests.detail.reason", r.reason())));
        }
        if (r.campaign() != null) {
            detail.getChildren().add(wrapped(context.text("requests.detail.campaign",
                    context.text(StatusTerms.labelKey(r.campaign().state())), RequestsModel.done(r.campaign()),
                    r.campaign().devices())));
        }
        if (model.review.get() != null && !r.state().isFinal()) { // the decision first, history and thread below
            detail.getChildren().add(review(model.review.get()));
        }
        detail.getChildren().add(heading("requests.history"));
        VBox history = new VBox(4);
        history.setId("request-history");
        RequestTexts.history(context.i18n(), r).forEach(line -> history.getChildren().add(wrapped(line)));
        detail.getChildren().add(history);
        detail.getChildren().add(heading("requests.comments"));
        for (RequestComment c : r.comments()) {
            detail.getChildren().add(wrapped(context.i18n().dateTime(c.at()) + "  "
                    + ActorNames.of(context.i18n(), c.author()) + ": " + c.text()));
        }
        TextArea comment = new TextArea();
        comment.setId("request-comment");
        comment.setPromptText(context.text("requests.comment.prompt"));
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(model.comment);
        Button send = button("request-comment-add", "requests.comment.add", model::addComment);
        send.disableProperty().bind(model.comment.isEmpty().or(model.busy));
        detail.getChildren().addAll(comment, send);
        if (model.canWithdraw()) {
            detail.getChildren().add(button("request-withdraw", "requests.withdraw", model::withdraw));
        }
        if (r.state() == RequestState.APPROVED) {
            detail.getChildren().add(report());
        }
        detail.getChildren().add(message);
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(context.text(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(model.busy);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private Node review(RequestReview facts) {
        VBox box = new VBox(6, heading("requests.review.title"));
        box.setId("request-review");
        RequestView r = model.open.get();
        if (facts.image() != null) {
            var image = facts.image();
            box.getChildren().add(wrapped(context.text("requests.review.image", context.i18n().bytes(image.size()),
                    image.sha256(), image.crc32())));
            if (image.versionExists()) {
                box.getChildren().add(wrapped(context.text(image.sameBytesAsThatVersion() ? "requests.review.sameBytes"
                        : "requests.review.versionExists", r.version())));
            }
            if (image.devicesOnNewerVersion() > 0) {
                box.getChildren().add(wrapped(context.text("requests.review.newer", image.devicesOnNewerVersion())));
            }
            image.identicalTo().forEach(f -> box.getChildren().add(wrapped(context.text("requests.review.identical",
                    f.deviceType(), f.version()))));
        }
        if (facts.devices() != null) {
            var devices = facts.devices();
            box.getChildren().add(wrapped(context.text("requests.review.devices", devices.targeted(),
                    devices.outsideScope(), devices.alreadyCurrent())));
            devices.heldByCampaigns().forEach(c -> box.getChildren().add(wrapped(context.text("requests.review.held",
                    c.devices(), c.campaignName()))));
            if (devices.notSeen() > 0) {
                box.getChildren().add(wrapped(context.text("requests.review.notSeen", devices.notSeen(),
                        devices.staleDays())));
            }
        }
        if (model.canMarkInReview()) {
            box.getChildren().add(button("request-mark-review", "requests.review.markInReview", model::markInReview));
        }
        if (model.canDecide()) {
            PlanModel plan = model.plan;
            GridPane grid = grid();
            row(grid, "requests.plan.name", plan.name, "plan-name");
            row(grid, "requests.plan.phases", plan.phases, "plan-phases");
            row(grid, "requests.plan.success", plan.successThreshold, "plan-success");
            row(grid, "requests.plan.error", plan.errorThreshold, "plan-error");
            row(grid, "requests.plan.timeout", plan.timeoutSeconds, "plan-timeout");
            row(grid, "requests.plan.retries", plan.maxRetries, "plan-retries");
            row(grid, "requests.plan.scheduledAt", plan.scheduledAt, "plan-scheduled");
            row(grid, "requests.window.timeZone", plan.timeZone, "plan-zone");
            row(grid, "requests.window.days", plan.days, "plan-days");
            row(grid, "requests.window.from", plan.from, "plan-from");
            row(grid, "requests.window.to", plan.to, "plan-to");
            row(grid, "requests.window.endsAt", plan.endsAt, "plan-ends");
            TextField reason = new TextField();
            reason.setId("request-reject-reason");
            reason.setPromptText(context.text("requests.review.reason"));
            reason.textProperty().bindBidirectional(model.rejectReason);
            VBox rehearsal = RehearsalCard.of(context, model.rehearsal, "request", model::rehearse, model.busy);
            HBox actions = new HBox(8, button("request-approve", "requests.review.approve", model::approve),
                    reason, button("request-reject", "requests.review.reject", model::reject));
            actions.setId("request-decision");
            HBox.setHgrow(reason, Priority.ALWAYS);
            actions.setAlignment(Pos.CENTER_LEFT);
            Label planTitle = heading("requests.plan");
            planTitle.setId("request-plan");
            box.getChildren().addAll(planTitle, grid, rehearsal, actions);
        }
        return box;
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    private void row(GridPane grid, String labelKey, StringProperty value, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(grid.getRowCount(), fieldLabel(labelKey), field);
    }

    /** A form label keeps its words whole; the field beside it gives way. */
    private Label fieldLabel(String key) {
        Label label = new Label(context.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node report() {
        VBox box = new VBox(6, heading("requests.report"));
        box.setId("request-report");
        model.report.forEach(line -> box.getChildren().add(new Label(String.join("   ", line.imei(),
                String.valueOf(line.oldVersion()), "\u2192 " + line.newVersion(),
                line.result() == null ? "" : context.text(StatusTerms.labelKey(line.result()))))));
        Button export = button("request-report-export", "requests.report.export", this::exportReport);
        box.getChildren().add(export);
        return box;
    }

    private void exportReport() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("request-" + model.open.get().id() + ".csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
            model.exportReport(out);
            model.message.set(context.text("requests.report.exported", file));
        } catch (IOException e) {
            model.message.set(context.explain(e));
        }
    }

    /** The requester's form in place of the detail. */
    public void showForm() {
        showForm(new RequestFormModel(context));
    }

    private void showForm(RequestFormModel form) {
        form.check(); // its problem in the language of now
        detail.getChildren().clear();
        this.form = form;
        Label title = new Label(context.text("requests.form.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        Label file = new Label();
        file.textProperty().bind(Bindings.createStringBinding(() -> form.file.get() == null
                || form.file.get().getFileName() == null ? "" : form.file.get().getFileName().toString(), form.file));
        Button choose = new Button(context.text("requests.form.choose"));
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setId("request-form-choose");
        choose.setOnAction(e -> {
            File chosen = new FileChooser().showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                form.file.set(chosen.toPath());
            }
        });
        GridPane grid = grid();
        grid.addRow(0, fieldLabel("requests.form.file"), new HBox(8, choose, file));
        row(grid, "requests.form.deviceType", form.deviceType, "request-form-type");
        row(grid, "requests.form.version", form.version, "request-form-version");
        TextArea notes = new TextArea();
        notes.setId("request-form-notes");
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(form.releaseNotes);
        grid.addRow(grid.getRowCount(), fieldLabel("requests.form.notes"), notes);
        ToggleGroup which = new ToggleGroup();
        VBox devices = new VBox(4);
        for (RequestFormModel.Devices d : RequestFormModel.Devices.values()) {
            RadioButton option = new RadioButton(context.text("requests.form.devices." + d.name().toLowerCase()));
            option.setId("request-form-devices-" + d.name().toLowerCase());
            option.setToggleGroup(which);
            option.setSelected(form.devices.get() == d);
            option.setOnAction(e -> form.devices.set(d));
            form.devices.addListener((o, was, now) -> option.setSelected(now == d));
            devices.getChildren().add(option);
        }
        TextArea imeis = new TextArea();
        imeis.setId("request-form-imeis");
        imeis.setPromptText(context.text("requests.form.imeis.prompt"));
        imeis.setPrefRowCount(3);
        imeis.textProperty().bindBidirectional(form.imeis);
        imeis.visibleProperty().bind(form.devices.isEqualTo(RequestFormModel.Devices.IMEIS));
        imeis.managedProperty().bind(imeis.visibleProperty());
        ComboBox<GroupView> group = new ComboBox<>();
        group.setId("request-form-group");
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupView g) {
                return g == null ? "" : g.name();
            }

            @Override
            public GroupView fromString(String name) {
                return null;
            }
        });
        group.visibleProperty().bind(form.devices.isEqualTo(RequestFormModel.Devices.GROUP));
        group.managedProperty().bind(group.visibleProperty());
        group.valueProperty().addListener((o, a, b) -> form.groupId.set(b == null ? "" : b.id()));
        context.run(() -> context.client().groups(), groups -> {
            String chosen = form.groupId.get();
            group.getItems().setAll(groups);
            groups.stream().filter(g -> g.id().equals(chosen)).findFirst().ifPresent(group::setValue);
        }, unknown -> { });
        Button csv = new Button(context.text("requests.form.imeis.csv"));
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setId("request-form-imeis-csv");
        csv.visibleProperty().bind(imeis.visibleProperty());
        csv.managedProperty().bind(imeis.visibleProperty());
        csv.setOnAction(e -> {
            File chosen = new FileChooser().showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                context.run(() -> Files.readString(chosen.toPath()), form::useImeisOf, form.message::set);
            }
        });
        devices.getChildren().addAll(imeis, csv, group);
        grid.addRow(grid.getRowCount(), fieldLabel("requests.form.devices"), devices);
        Arrays.asList(new Object[][]{{"requests.window.earliest", form.earliestStart, "request-form-earliest"},
                {"requests.window.latest", form.latestEnd, "request-form-latest"},
                {"requests.window.timeZone", form.timeZone, "request-form-zone"},
                {"requests.window.days", form.days, "request-form-days"},
                {"requests.window.from", form.from, "request-form-from"},
                {"requests.window.to", form.to, "request-form-to"},
                {"requests.form.contact", form.contact, "request-form-contact"}}).forEach(f ->
                row(grid, (String) f[0], castString(f[1]), (String) f[2]));
        Label problem = new Label();
        problem.setId("request-form-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.when(form.message.isEmpty()).then(form.problem).otherwise(form.message));
        Button submit = new Button(context.text("requests.form.submit"));
        submit.setMinWidth(Region.USE_PREF_SIZE);
        submit.setId("request-form-submit");
        submit.disableProperty().bind(form.problem.isNotEmpty().or(form.busy));
        submit.setOnAction(e -> form.submit(filed -> {
            model.load();
            model.open(filed);
        }));
        Button cancel = new Button(context.text("requests.form.cancel"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("request-form-cancel");
        cancel.setOnAction(e -> showDetail());
        detail.getChildren().addAll(title, grid, problem, new HBox(8, submit, cancel));
    }

    @SuppressWarnings("unchecked")
    private static StringProperty castString(Object property) {
        return (StringProperty) property;
    }
}
