package nl.fotadesk.ui.groups;

import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.ui.ConfirmDialog;
import nl.fotadesk.ui.NamedScreen;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.ScreenHeader;
import nl.fotadesk.ui.TableColumns;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.textfield.TextFields;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Groups: saved filters that follow the fleet and static IMEI lists. The list shows each group's
 * kind, criteria, member count (kept current while devices change) and owner; the selected group's members
 * are listed below, a page at a time. New, edit (double-click) and delete (asks first), of the groups the
 * server marks changeable: a supplier or customer reads an operator's shared group but changes only their own.
 */
public final class GroupsScreen extends NamedScreen {
    private final UiContext context;
    private final GroupsModel model;
    private final TableView<GroupView> table = new TableView<>();
    private final TableView<DeviceView> members = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final Label message = new Label();
    private final PauseTransition reload = new PauseTransition(Duration.seconds(3));
    private final VBox root;
    private String selectedId;
    private Consumer<String> openDevice = imei -> { };

    public GroupsScreen(UiContext context) {
        super("groups", Permission.SEE_ROLLOUTS);
        this.context = context;
        this.model = new GroupsModel(context);
        reload.setOnFinished(e -> {
            if (shown()) {
                model.load();
            }
        });
        model.setAfterLoad(this::reselect);
        SplitPane split = new SplitPane(groupsCard(), membersCard());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        split.getStyleClass().add("groups-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        root = root(new VBox(header(), split));
    }





    /** Opens a member on the devices screen. */
    public void setOnOpenDevice(Consumer<String> open) {
        openDevice = open;
    }

    @Override
    public void onShow() {
        model.load();
    }

    @Override
    public void onEvents(List<EventView> events) {
        // device states change filter groups' members: refresh at most every few seconds
        reload.play();
    }

    private Node header() {
        Button create = new Button(context.text("groups.new"));
        create.setId("groups-new");
        create.getStyleClass().add("accent-button");
        create.setOnAction(e -> edit(null));
        Permission.CHANGE_GROUPS.offer(create, context);
        Button refresh = new Button(context.text("groups.refresh"));
        refresh.setId("groups-refresh");
        refresh.setTooltip(new Tooltip(context.text("groups.refresh.tooltip")));
        refresh.disableProperty().bind(model.loading);
        refresh.setOnAction(e -> model.load());
        return ScreenHeader.of(context, "nav.groups", "groups.help", create, refresh);
    }

    private Node groupsCard() {
        Label heading = new Label(context.text("groups.list.title"));
        heading.getStyleClass().add("section-title");
        Label count = new Label();
        count.setId("groups-count");
        count.getStyleClass().add("help-text");
        count.textProperty().bind(Bindings.createStringBinding(() -> context.text("groups.count", model.groups.size()),
                model.groups));
        search.setId("groups-search");
        search.setPromptText(context.text("groups.search.prompt"));
        search.setPrefWidth(220);
        Button edit = new Button(context.text("groups.edit"));
        edit.setId("groups-edit");
        edit.setOnAction(e -> edit(table.getSelectionModel().getSelectedItem()));
        Button delete = new Button(context.text("groups.delete"));
        delete.setId("groups-delete");
        delete.getStyleClass().add("danger-button");
        delete.setOnAction(e -> confirmDelete(table.getSelectionModel().getSelectedItem()));
        BooleanBinding changeable = Bindings.createBooleanBinding(
                () -> changeable(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty());
        edit.disableProperty().bind(changeable.not());
        delete.disableProperty().bind(changeable.not());
        Permission.CHANGE_GROUPS.offer(edit, context);
        Permission.CHANGE_GROUPS.offer(delete, context);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, heading, count, spacer, search, edit, delete);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        FilteredList<GroupView> filtered = new FilteredList<>(model.groups);
        search.textProperty().addListener((o, a, q) -> filtered.setPredicate(g -> model.matches(g, q)));
        SortedList<GroupView> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("groups-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groupColumns();
        Label placeholder = new Label();
        placeholder.getStyleClass().add("help-text");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.placeholder(search.getText()),
                model.loadError, model.loaded, model.groups, search.textProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null) {
                selectedId = g.id();
                model.show(g);
            } else if (!model.loading.get()) {
                selectedId = null;
                model.show(null);
            }
        });
        table.setRowFactory(t -> {
            TableRow<GroupView> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        groupMenu();
        table.setOnKeyPressed(e -> {
            GroupView g = table.getSelectionModel().getSelectedItem();
            if (g != null && e.getCode() == KeyCode.DELETE) {
                confirmDelete(g);
            } else if (g != null && e.getCode() == KeyCode.ENTER) {
                edit(g);
            }
        });

        message.setId("groups-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        VBox card = new VBox(8, toolbar, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        card.getStyleClass().addAll("card", "list-card");
        return card;
    }

    /** Right-click on a group: edit it, copy its name, or delete it (those the user may change). */
    private void groupMenu() {
        RowMenu<GroupView> rows = RowMenu.of(table, "groups-menu");
        MenuItem edit = rows.addForOne("groups-menu-edit", context.text("groups.edit"), this::changeable, this::edit);
        rows.addCopy("groups-menu-copy", context.text("groups.copyName"), GroupView::name);
        SeparatorMenuItem separator = rows.addSeparator();
        MenuItem delete = rows.addForOne("groups-menu-delete", context.text("groups.delete"), this::changeable,
                this::confirmDelete);
        for (MenuItem item : List.of(edit, separator, delete)) {
            Permission.CHANGE_GROUPS.offer(item, context);
        }
    }

    private void groupColumns() {
        TableColumn<GroupView, String> name = column("groups.column.name", GroupView::name);
        name.setComparator(String.CASE_INSENSITIVE_ORDER);
        name.setPrefWidth(200);
        TableColumn<GroupView, GroupKind> kind = column("groups.column.kind", GroupView::kind);
        kind.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(GroupKind k, boolean empty) {
                super.updateItem(k, empty);
                if (empty || k == null) {
                    setGraphic(null);
                } else {
                    Label badge = new Label(context.text("groups.kind." + k.wireName()));
                    badge.getStyleClass().addAll("kind-badge", "kind-" + k.wireName());
                    setGraphic(badge);
                }
                setText(null);
            }
        });
        kind.setPrefWidth(110);
        TableColumn<GroupView, String> criteria = column("groups.column.criteria", model::criteria);
        criteria.setPrefWidth(330);
        criteria.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new Tooltip(s));
            }
        });
        TableColumn<GroupView, Long> count = column("groups.column.members", GroupView::members);
        count.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : context.i18n().number(n));
            }
        });
        count.getStyleClass().add("number-column");
        count.setPrefWidth(90);
        TableColumn<GroupView, Instant> created = column("groups.column.created", g -> Instant.parse(g.createdAt()));
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : context.i18n().dateTime(t));
            }
        });
        created.setPrefWidth(170);
        TableColumn<GroupView, String> owner = column("groups.column.owner", model::owner);
        owner.setPrefWidth(170);
        table.getColumns().setAll(List.of(name, kind, criteria, count, owner, created));
        table.getColumns().forEach(TableColumns::fitTitle);
        table.getSortOrder().setAll(List.of(name));
    }

    private Node membersCard() {
        Label title = new Label(context.text("groups.members.none"));
        title.setId("group-members-title");
        title.getStyleClass().add("section-title");
        Label criteria = new Label();
        criteria.setId("group-members-criteria");
        criteria.getStyleClass().add("help-text");
        Label note = new Label();
        note.setId("group-members-note");
        note.getStyleClass().add("field-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        Label shared = new Label();
        shared.setId("group-shared-note");
        shared.getStyleClass().add("help-text");
        shared.setWrapText(true);
        shared.managedProperty().bind(shared.visibleProperty());
        shared.visibleProperty().bind(shared.textProperty().isNotEmpty());
        Runnable describe = () -> {
            GroupView g = model.selected.get();
            title.setText(g == null ? context.text("groups.members.none") : context.text("groups.members.title", g.name()));
            criteria.setText(g == null ? "" : model.criteria(g));
            note.setText(model.unregisteredNote());
            // why Edit and Delete are greyed out for someone who may change groups, but not this one
            shared.setText(g != null && !g.changeable() && context.may(Permission.CHANGE_GROUPS)
                    ? context.text("groups.sharedNote") : "");
        };
        model.selected.addListener(o -> describe.run());
        model.total.addListener(o -> describe.run());
        model.membersLoaded.addListener(o -> describe.run());
        VBox heading = new VBox(2, title, criteria);

        members.setId("group-members");
        members.setItems(model.members);
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        memberColumns();
        memberMenu();
        Label placeholder = new Label();
        placeholder.getStyleClass().add("help-text");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(model::membersPlaceholder,
                model.selected, model.membersError, model.membersLoaded));
        members.setPlaceholder(placeholder);

        Button previous = new Button(context.text("groups.members.previous"));
        previous.setId("group-members-prev");
        previous.setOnAction(e -> model.previousPage());
        previous.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.hasPrevious() || model.membersLoading.get(), model.offset, model.membersLoading));
        Button next = new Button(context.text("groups.members.next"));
        next.setId("group-members-next");
        next.setOnAction(e -> model.nextPage());
        next.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.hasNext() || model.membersLoading.get(), model.offset, model.total, model.membersLoading));
        Label range = new Label();
        range.setId("group-members-range");
        range.getStyleClass().add("pager-range");
        range.textProperty().bind(Bindings.createStringBinding(model::range,
                model.selected, model.membersLoaded, model.offset, model.total, model.members));
        Label error = new Label();
        error.setId("group-members-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(Bindings.when(model.membersLoaded).then(model.membersError).otherwise(""));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(8, error, spacer, range, previous, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.visibleProperty().bind(model.selected.isNotNull());

        VBox card = new VBox(8, heading, shared, note, members, pager);
        VBox.setVgrow(members, Priority.ALWAYS);
        card.getStyleClass().addAll("card", "members-card");
        return card;
    }

    private void memberColumns() {
        TableColumn<DeviceView, String> imei = member("groups.members.imei", DeviceView::imei);
        imei.getStyleClass().add("hash-column");
        imei.setPrefWidth(150);
        TableColumn<DeviceView, String> type = member("groups.members.type", DeviceView::deviceType);
        type.setPrefWidth(110);
        TableColumn<DeviceView, String> client = member("groups.members.client", DeviceView::client);
        client.setPrefWidth(90);
        TableColumn<DeviceView, String> reported = member("groups.members.firmware", DeviceView::reportedFirmware);
        reported.setPrefWidth(90);
        TableColumn<DeviceView, String> desired = member("groups.members.desired", DeviceView::desiredFirmware);
        desired.setPrefWidth(140);
        TableColumn<DeviceView, String> status = member("groups.members.status", model::memberStatus);
        status.setPrefWidth(140);
        TableColumn<DeviceView, String> seen = member("groups.members.lastSeen",
                d -> d.lastSeen() == null ? context.text("groups.members.never") : context.i18n().dateTime(d.lastSeen()));
        seen.setPrefWidth(170);
        members.getColumns().setAll(List.of(imei, type, client, reported, desired, status, seen));
        members.getColumns().forEach(TableColumns::fitTitle);
        for (TableColumn<DeviceView, ?> c : members.getColumns()) {
            // one page of the server's order: sorting it alone would mislead
            c.setSortable(false);
        }
    }

    /** Right-click on members: open one on the devices screen, or copy their IMEIs. */
    private void memberMenu() {
        members.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        RowMenu<DeviceView> rows = RowMenu.of(members, "group-members-menu");
        rows.addForOne("group-members-open", context.text("groups.members.open"), d -> true,
                d -> openDevice.accept(d.imei()));
        rows.addCopy("group-members-copy", context.text("devices.copyImei"), DeviceView::imei);
    }

    private <T> TableColumn<GroupView, T> column(String key, Function<GroupView, T> value) {
        TableColumn<GroupView, T> c = new TableColumn<>(context.text(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setId(key.replace('.', '-'));
        return c;
    }

    private <T> TableColumn<DeviceView, T> member(String key, Function<DeviceView, T> value) {
        TableColumn<DeviceView, T> c = new TableColumn<>(context.text(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setId(key.replace('.', '-'));
        return c;
    }

    private void reselect() {
        model.byId(selectedId).ifPresentOrElse(g -> {
            table.getSelectionModel().select(g);
            if (table.getSelectionModel().getSelectedItem() == null) {
                // filtered out by the search: keep showing its members
                model.show(g);
            }
        }, () -> {
            if (model.selected.get() != null && model.byId(model.selected.get().id()).isEmpty()) {
                model.show(null);
            }
        });
    }

    /** True while this screen is in the window (not replaced by a language switch or a closed window). */
    private boolean shown() {
        return Nodes.showing(root);
    }

    private Window window() {
        return Nodes.window(root);
    }

    /** Whether the signed-in user may change {@code g}: the server says so per group. */
    private boolean changeable(GroupView g) {
        return g != null && g.changeable() && context.may(Permission.CHANGE_GROUPS);
    }

    private void edit(GroupView group) {
        if (!context.may(Permission.CHANGE_GROUPS) || group != null && !changeable(group)) {
            return; // double click and Enter open nothing for those who only read this group
        }
        message.setText("");
        new GroupDialog(context, model, group, window(), saved -> {
            say(context.text(group == null ? "groups.created" : "groups.saved", saved.name()), false);
            selectedId = saved.id();
            reselect();
        }).show();
    }

    private void confirmDelete(GroupView g) {
        if (!changeable(g)) {
            return;
        }
        new ConfirmDialog(context.text("groups.delete.title"), context.text("groups.delete.header", g.name()),
                context.text("groups.delete.content"), context.text("groups.delete.confirm"),
                context.text("groups.delete.keep"))
                .ids(null, "groups-confirm-delete", "groups-confirm-keep")
                .show(root, () -> model.delete(g, () -> say(context.text("groups.deleted", g.name()), false),
                        m -> say(m, true)));
    }

    private void say(String text, boolean error) {
        message.getStyleClass().removeAll("error-text", "ok-text");
        message.getStyleClass().add(error ? "error-text" : "ok-text");
        message.setText(text);
    }
}
