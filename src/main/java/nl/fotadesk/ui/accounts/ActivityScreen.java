package nl.fotadesk.ui.accounts;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.ui.NamedScreen;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.ScreenHeader;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Activity (operators only): the audit trail, who did what and when, newest first, filtered by actor,
 * action, object and days, paged, and exported to CSV.
 */
public final class ActivityScreen extends NamedScreen {
    private final UiContext context;
    private final ActivityModel model;
    private final VBox root;

    public ActivityScreen(UiContext context) {
        super("activity", Permission.MANAGE_USERS);
        this.context = context;
        this.model = new ActivityModel(context, ZoneId.systemDefault());
        VBox card = new VBox(8, filters(), table(), pager());
        card.getStyleClass().addAll("card", "list-card");
        VBox.setVgrow(card, Priority.ALWAYS);
        root = root(new VBox(12, header(), card));
    }





    @Override
    public void onShow() {
        model.load();
    }

    /** The filter and page (for tests). */
    public ActivityModel model() {
        return model;
    }

    private Node header() {
        Button refresh = new Button(context.text("activity.refresh"));
        refresh.setId("activity-refresh");
        refresh.disableProperty().bind(model.loading);
        refresh.setOnAction(e -> model.load());
        Button export = new Button(context.text("activity.export"));
        export.setId("activity-export");
        export.disableProperty().bind(model.exporting.or(model.total.lessThanOrEqualTo(0)));
        export.setOnAction(e -> export());
        return ScreenHeader.of(context, "nav.activity", "activity.help", refresh, export);
    }

    private Node filters() {
        TextField actor = new TextField();
        actor.setId("activity-actor");
        actor.setPromptText(context.text("activity.filter.actor"));
        actor.textProperty().bindBidirectional(model.actor);
        actor.setPrefColumnCount(10);
        ComboBox<String> action = new ComboBox<>();
        action.setId("activity-action");
        List<String> actions = new ArrayList<>();
        actions.add(null);
        actions.addAll(ActivityModel.ACTIONS);
        action.getItems().setAll(actions);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String a) {
                return a == null ? context.text("activity.filter.allActions") : a;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        action.valueProperty().bindBidirectional(model.action);
        TextField object = new TextField();
        object.setId("activity-object");
        object.setPromptText(context.text("activity.filter.object"));
        object.textProperty().bindBidirectional(model.object);
        object.setPrefColumnCount(12);
        DatePicker from = new DatePicker();
        from.setId("activity-from");
        from.setPromptText(context.text("activity.filter.from"));
        from.valueProperty().bindBidirectional(model.from);
        from.setPrefWidth(140);
        DatePicker to = new DatePicker();
        to.setId("activity-to");
        to.setPromptText(context.text("activity.filter.to"));
        to.valueProperty().bindBidirectional(model.to);
        to.setPrefWidth(140);
        Button apply = new Button(context.text("activity.filter.apply"));
        apply.setId("activity-apply");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.setOnAction(e -> model.apply());
        actor.setOnAction(e -> model.apply());
        object.setOnAction(e -> model.apply());
        Button clear = new Button(context.text("activity.filter.clear"));
        clear.setId("activity-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> model.clear());
        FlowPane bar = new FlowPane(8, 8, actor, action, object, from, to, apply, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node table() {
        TableView<AuditEntry> table = new TableView<>(model.entries);
        table.setId("activity-table");
        // columns keep their widths: a narrow window scrolls the table rather than cut its words
        table.getColumns().add(column("activity.column.time", e -> context.i18n().dateTime(e.time()), 180));
        table.getColumns().add(column("activity.column.actor", AuditEntry::actor, 90));
        table.getColumns().add(column("activity.column.role", e -> e.role() == null ? ""
                : UserTexts.role(context, e.role()), 90));
        table.getColumns().add(column("activity.column.action", AuditEntry::action, 130));
        table.getColumns().add(column("activity.column.object", AuditEntry::object, 210));
        table.getColumns().add(column("activity.column.outcome", e -> context.text(AuditEntry.OK.equals(e.outcome())
                ? "activity.outcome.ok" : "activity.outcome.refused"), 85));
        table.getColumns().add(column("activity.column.source", AuditEntry::source, 90));
        table.getColumns().add(column("activity.column.detail", AuditEntry::detail, 160));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.loadError.get().isEmpty()
                ? context.text("activity.empty") : model.loadError.get(), model.loadError));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        entryMenu(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    /**
     * Right-click on lines: copy them (the export's columns, tab-separated, for a spreadsheet or a message),
     * or filter the trail on the line's actor or object as the filter fields do.
     */
    private void entryMenu(TableView<AuditEntry> table) {
        RowMenu<AuditEntry> rows = RowMenu.of(table, "activity-menu");
        rows.addCopy("activity-menu-copy", context.text("activity.menu.copy"),
                e -> String.join("\t", ActivityModel.row(e)));
        rows.addSeparator();
        MenuItem actor = rows.addForOne("activity-menu-actor", "", e -> e.actor() != null,
                e -> filter(model.actor, e.actor()));
        MenuItem object = rows.addForOne("activity-menu-object", "", e -> e.object() != null,
                e -> filter(model.object, e.object()));
        rows.onShowing(entries -> {
            AuditEntry e = entries.size() == 1 ? entries.get(0) : null;
            actor.setText(context.text("activity.menu.actor", e == null || e.actor() == null ? "\u2026" : e.actor()));
            object.setText(context.text("activity.menu.object", e == null || e.object() == null ? "\u2026" : e.object()));
        });
    }

    private void filter(StringProperty field, String value) {
        field.set(value);
        model.apply();
    }

    private Node pager() {
        Label range = new Label();
        range.setId("activity-range");
        range.textProperty().bind(Bindings.createStringBinding(model::range, model.total, model.offset, model.entries));
        Button previous = new Button(context.text("activity.previous"));
        previous.setId("activity-previous");
        previous.disableProperty().bind(model.offset.lessThanOrEqualTo(0));
        previous.setOnAction(e -> model.previous());
        Button next = new Button(context.text("activity.next"));
        next.setId("activity-next");
        next.disableProperty().bind(model.offset.add(ActivityModel.PAGE).greaterThanOrEqualTo(model.total));
        next.setOnAction(e -> model.next());
        Label exported = new Label();
        exported.setId("activity-export-message");
        exported.setWrapText(true);
        exported.textProperty().bind(model.exportMessage);
        HBox.setHgrow(exported, Priority.ALWAYS);
        exported.setMaxWidth(Double.MAX_VALUE);
        HBox pager = new HBox(8, exported, range, previous, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        return pager;
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("activity.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(context.text("devices.import.csvFiles"), "*.csv"));
        chooser.setInitialFileName("audit-trail.csv");
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.export(chosen.toPath());
        }
    }

    private TableColumn<AuditEntry, String> column(String key, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
