package nl.fotadesk.ui.accounts;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.ConfirmDialog;
import nl.fotadesk.ui.NamedScreen;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.ScreenHeader;
import nl.fotadesk.ui.ChoiceCells;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.CheckComboBox;

import java.util.List;
import java.util.function.Function;

/**
 * Users (operators only): the list, and beside it the form that creates a user or changes the selected
 * one (role and scope, display name, a new password), with disabling, enabling and deleting, and the
 * changed user's personal API tokens to revoke.
 */
public final class UsersScreen extends NamedScreen {
    private final UiContext context;
    private final UsersModel model;
    private final TableView<UserView> table = new TableView<>();
    private final VBox root;

    public UsersScreen(UiContext context) {
        super("users", Permission.MANAGE_USERS);
        this.context = context;
        this.model = new UsersModel(context);
        HBox body = new HBox(12, listCard(), formCard());
        VBox.setVgrow(body, Priority.ALWAYS);
        root = root(new VBox(12, header(), body));
    }





    @Override
    public void onShow() {
        model.load();
    }

    /** The form's state (for tests). */
    public UsersModel model() {
        return model;
    }

    private Node header() {
        Button create = new Button(context.text("users.new"));
        create.setId("users-new");
        create.getStyleClass().add("accent-button");
        create.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            model.startNew();
        });
        return ScreenHeader.of(context, "nav.users", "users.help", create);
    }

    private Node listCard() {
        table.setId("users-table");
        table.setItems(model.users);
        // columns keep their widths: a narrow window scrolls the table rather than cut its words
        table.getColumns().add(column("users.column.username", UserView::username, 130));
        table.getColumns().add(column("users.column.name", UserTexts::name, 120));
        table.getColumns().add(column("users.column.role", u -> UserTexts.role(context, u.role()), 90));
        table.getColumns().add(column("users.column.state", u -> context.text(u.disabled() ? "users.state.disabled"
                : "users.state.active"), 90));
        // the scope last: it is the longest, and the last column takes the room left
        table.getColumns().add(column("users.column.scope", u -> UserTexts.scope(context, u), 200));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> !model.loadError.get().isEmpty()
                ? model.loadError.get() : context.text(model.loaded.get() ? "users.empty" : "users.loading"),
                model.loadError, model.loaded));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, user) -> {
            if (user != null && (model.editing.get() == null || !model.editing.get().username().equals(user.username()))) {
                model.edit(user);
            }
        });
        // after a reload the list holds new objects: keep the user being changed selected
        model.users.addListener((ListChangeListener<UserView>) c -> {
            UserView editing = model.editing.get();
            if (editing != null) {
                model.users.stream().filter(u -> u.username().equals(editing.username())).findFirst()
                        .ifPresent(u -> table.getSelectionModel().select(u));
            }
        });
        userMenu();
        VBox card = new VBox(8, table, tokensPane());
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.getStyleClass().addAll("card", "list-card");
        return card;
    }

    /** Right-click on a user (whom the click selects into the form): copy the username, disable or enable, delete. */
    private void userMenu() {
        RowMenu<UserView> rows = RowMenu.of(table, "users-menu");
        rows.addCopy("users-menu-copy", context.text("users.menu.copy"), UserView::username);
        rows.addSeparator();
        MenuItem disable = rows.addForOne("users-menu-disable", "", u -> !model.busy.get(),
                u -> model.setDisabled(u, !u.disabled()));
        rows.addForOne("users-menu-delete", context.text("users.delete"), u -> !model.busy.get(), this::confirmDelete);
        rows.onShowing(users -> disable.setText(context.text(users.size() == 1 && users.get(0).disabled()
                ? "users.enable" : "users.disable")));
    }

    private Node formCard() {
        Label title = new Label();
        title.setId("users-form-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.editing.get() == null
                ? context.text("users.form.new") : context.text("users.form.edit", model.editing.get().username()),
                model.editing));

        TextField username = new TextField();
        username.setId("users-username");
        username.textProperty().bindBidirectional(model.username);
        username.disableProperty().bind(model.editing.isNotNull()); // a username does not change
        TextField name = new TextField();
        name.setId("users-display-name");
        name.textProperty().bindBidirectional(model.displayName);
        PasswordField password = new PasswordField();
        password.setId("users-password");
        password.textProperty().bindBidirectional(model.password);
        password.promptTextProperty().bind(Bindings.createStringBinding(() -> model.editing.get() == null
                ? context.text("users.password.prompt", UsersModel.MIN_PASSWORD)
                : context.text("users.password.resetPrompt"), model.editing));
        ComboBox<Role> role = new ComboBox<>();
        role.setId("users-role");
        role.getItems().setAll(Role.values());
        ChoiceCells.wordAs(role, r -> UserTexts.role(context, r));
        role.valueProperty().bindBidirectional(model.role);
        role.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> client = new ComboBox<>(model.clients);
        client.setId("users-client");
        client.valueProperty().bindBidirectional(model.client);
        client.setMaxWidth(Double.MAX_VALUE);
        CheckComboBox<String> types = new CheckComboBox<>(model.deviceTypes);
        types.setId("users-device-types");
        types.setMaxWidth(Double.MAX_VALUE);
        syncChecks(types);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        row(grid, 0, "users.field.username", username);
        row(grid, 1, "users.field.name", name);
        row(grid, 2, "users.field.password", password);
        row(grid, 3, "users.field.role", role);
        Node[] clientRow = row(grid, 4, "users.field.client", client);
        Node[] typesRow = row(grid, 5, "users.field.deviceTypes", types);
        Runnable scopeFields = () -> {
            show(clientRow, model.role.get().takesClient());
            show(typesRow, model.role.get().takesDeviceTypes());
        };
        model.role.addListener((o, a, b) -> scopeFields.run());
        scopeFields.run();
        Label roleHelp = new Label();
        roleHelp.setId("users-role-help");
        roleHelp.getStyleClass().add("help-text");
        roleHelp.setWrapText(true);
        roleHelp.setMinHeight(Region.USE_PREF_SIZE);
        roleHelp.textProperty().bind(Bindings.createStringBinding(() -> model.role.get() == null ? ""
                : context.text("users.roleHelp." + model.role.get().wireName()), model.role));

        Button save = new Button();
        save.setId("users-save");
        save.getStyleClass().add("primary-button");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.textProperty().bind(Bindings.createStringBinding(() -> context.text(model.editing.get() == null
                ? "users.create" : "users.save"), model.editing));
        save.disableProperty().bind(model.busy);
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        Button disable = new Button();
        disable.setId("users-disable");
        disable.setMinWidth(Region.USE_PREF_SIZE);
        disable.textProperty().bind(Bindings.createStringBinding(() -> context.text(model.editing.get() != null
                && model.editing.get().disabled() ? "users.enable" : "users.disable"), model.editing));
        disable.disableProperty().bind(model.busy.or(model.editing.isNull()));
        disable.setOnAction(e -> model.setDisabled(model.editing.get(), !model.editing.get().disabled()));
        Button delete = new Button(context.text("users.delete"));
        delete.setId("users-delete");
        delete.getStyleClass().add("danger-button");
        delete.setMinWidth(Region.USE_PREF_SIZE);
        delete.disableProperty().bind(model.busy.or(model.editing.isNull()));
        delete.setOnAction(e -> confirmDelete(model.editing.get()));
        FlowPane actions = new FlowPane(8, 8, save, disable, delete); // in a narrow window the buttons wrap
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("users-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message);
        message.getStyleClass().add("ok-text");
        model.failed.addListener((o, a, failed) -> message.getStyleClass().setAll("label", failed ? "error-text" : "ok-text"));

        VBox card = new VBox(10, title, grid, roleHelp, actions, message);
        card.getStyleClass().add("card");
        card.setMinWidth(360);
        card.setPrefWidth(400);
        card.setMaxWidth(420);
        return card;
    }

    /** Under the list, the changed user's personal API tokens; one is revoked after a confirmation. */
    private VBox tokensPane() {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.editing.get() == null ? ""
                : context.text("users.tokens.title", model.editing.get().username()), model.editing));
        TableView<ApiTokenView> table = TokenTable.of(context, model.tokens, "users-tokens", "users.tokens.none",
                this::confirmRevoke);
        table.setPrefHeight(150);
        table.setMinHeight(90);
        Button revoke = new Button(context.text("tokens.revoke"));
        revoke.setId("users-token-revoke");
        revoke.getStyleClass().add("danger-button");
        revoke.setMinWidth(Region.USE_PREF_SIZE);
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busy));
        revoke.setOnAction(e -> confirmRevoke(table.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(8, revoke);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox pane = new VBox(6, title, table, actions);
        pane.setId("users-tokens-pane");
        pane.visibleProperty().bind(model.editing.isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void confirmRevoke(ApiTokenView token) {
        UserView user = model.editing.get();
        if (token == null || user == null) {
            return;
        }
        new ConfirmDialog(context.text("users.confirmRevoke.title"), context.text("users.confirmRevoke.header",
                token.name(), user.username()), context.text("users.confirmRevoke.text"),
                context.text("users.confirmRevoke.yes"), context.text("users.confirmRevoke.no"))
                .ids("users-revoke-dialog", "users-revoke-confirm", "users-revoke-keep")
                .show(root, () -> model.revokeToken(token));
    }

    /** Keeps the device type checks and the model's chosen types the same, both ways. */
    private void syncChecks(CheckComboBox<String> types) {
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            types.getCheckModel().clearChecks();
            model.chosenTypes.forEach(t -> types.getCheckModel().check(t));
            syncing[0] = false;
        };
        model.chosenTypes.addListener((ListChangeListener<String>) c -> fromModel.run());
        model.deviceTypes.addListener((ListChangeListener<String>) c -> fromModel.run());
        types.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing[0]) {
                model.chosenTypes.setAll(List.copyOf(types.getCheckModel().getCheckedItems()));
            }
        });
    }

    private Node[] row(GridPane grid, int row, String key, Region field) {
        Label label = new Label(context.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        field.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(row, label, field);
        return new Node[]{label, field};
    }

    private static void show(Node[] nodes, boolean shown) {
        for (Node n : nodes) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
    }

    private void confirmDelete(UserView user) {
        if (user == null) {
            return;
        }
        new ConfirmDialog(context.text("users.confirmDelete.title"), context.text("users.confirmDelete.header",
                user.username()), context.text("users.confirmDelete.text"), context.text("users.confirmDelete.yes"),
                context.text("users.confirmDelete.no")).ids("users-delete-dialog", "users-delete-confirm",
                "users-delete-keep").show(root, () -> model.delete(user));
    }

    private TableColumn<UserView, String> column(String key, Function<UserView, String> value, double width) {
        TableColumn<UserView, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
