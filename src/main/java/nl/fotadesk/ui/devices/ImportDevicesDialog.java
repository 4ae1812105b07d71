package nl.fotadesk.ui.devices;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.UiContext;

import java.io.File;

/**
 * The window of the CSV import ({@link ImportDevicesModel}): the file, check and import, the
 * summary, the rejected lines with their line number and reason, and saving generated secrets. A customer
 * or supplier is told the rule of their scope: one line outside it refuses the whole file.
 */
final class ImportDevicesDialog {
    private final UiContext context;
    private final ImportDevicesModel model;
    private final Stage stage;
    private final TextField file = new TextField();
    private final Label summary = new Label();
    private final Label message = new Label();
    private final TableView<ItemError> errors = new TableView<>();
    private final VBox secretsBox = new VBox(6);
    private final Label secretsText = new Label();

    ImportDevicesDialog(UiContext context, Window owner, Runnable imported) {
        this.context = context;
        this.model = new ImportDevicesModel(context, imported);
        VBox root = content();
        bind();
        stage = DialogWindow.create(owner, context.text("devices.import.title"), root);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setOnCloseRequest(e -> {
            if ((owner == null || owner.isShowing()) && !model.mayClose()) {
                e.consume();
            }
        });
    }

    void show() {
        stage.show();
        file.requestFocus();
    }

    private VBox content() {
        Label title = new Label(context.text("devices.import.title"));
        title.getStyleClass().add("dialog-title");
        Label help = new Label(context.text("devices.import.help") + scopeHelp(context.user()));
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.getStyleClass().add("help-text");
        Label example = new Label("imei,deviceType,client,secret,firmware\n356938035643809,tracker-x,acme,,1.0.0");
        example.getStyleClass().add("csv-example");
        example.setMinHeight(Region.USE_PREF_SIZE);

        file.setId("import-file");
        file.setPromptText(context.text("devices.import.filePrompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(context.text("devices.import.browse"));
        browse.setId("import-browse");
        browse.setOnAction(e -> browse());
        HBox fileRow = new HBox(8, file, browse);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        Button check = new Button(context.text("devices.import.check"));
        check.setId("import-check");
        check.setTooltip(new Tooltip(context.text("devices.import.checkTooltip")));
        check.setOnAction(e -> model.run(true));
        Button start = new Button(context.text("devices.import.run"));
        start.setId("import-run");
        start.setDefaultButton(true);
        start.setOnAction(e -> model.run(false));
        for (Button b : new Button[]{check, start}) {
            b.disableProperty().bind(model.canRunProperty().not());
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(8, check, start, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("import-summary");
        message.setId("import-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("error-text");
        errorsTable();
        secretsBox.setId("import-secrets");
        secretsText.setWrapText(true);
        secretsText.setMinHeight(Region.USE_PREF_SIZE);
        secretsText.getStyleClass().add("warning-text");
        Button save = new Button(context.text("devices.import.saveSecrets"));
        save.setId("import-save-secrets");
        save.setOnAction(e -> saveSecrets());
        secretsBox.getChildren().addAll(secretsText, save);

        Button close = new Button(context.text("devices.close"));
        close.setId("import-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (model.mayClose()) {
                stage.close();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(spacer, close);

        VBox root = new VBox(10, title, help, example, fileRow, actions, message, summary, errors, secretsBox, bottom);
        root.setId("import-dialog");
        root.getStyleClass().addAll("device-dialog", "dialog-content");
        VBox.setVgrow(errors, Priority.ALWAYS);
        root.setPrefSize(700, 640);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                model.fileProperty().set(e.getDragboard().getFiles().get(0).getAbsolutePath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        return root;
    }

    private void bind() {
        file.textProperty().bindBidirectional(model.fileProperty());
        showWhenText(message, model.messageProperty());
        showWhenText(summary, model.summaryProperty());
        model.summaryToneProperty().addListener((o, old, tone) -> summaryTone());
        summaryTone();
        errors.setItems(model.errors());
        errors.visibleProperty().bind(Bindings.isNotEmpty(model.errors()));
        errors.managedProperty().bind(errors.visibleProperty());
        secretsText.textProperty().bind(model.secretsNoteProperty());
        secretsBox.visibleProperty().bind(model.secretsNoteProperty().isNotEmpty());
        secretsBox.managedProperty().bind(secretsBox.visibleProperty());
        model.secretsToneProperty().addListener((o, old, tone) -> {
            secretsText.getStyleClass().removeAll("warning-text", "error-text");
            secretsText.getStyleClass().add(tone == ImportDevicesModel.SecretsTone.ERROR
                    ? "error-text" : "warning-text");
        });
    }

    private void summaryTone() {
        summary.getStyleClass().removeAll("success-text", "warning-text");
        summary.getStyleClass().add(model.summaryToneProperty().get() == ImportDevicesModel.Tone.SUCCESS
                ? "success-text" : "warning-text");
    }

    private void errorsTable() {
        errors.setId("import-errors");
        errors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        errors.setPrefHeight(200);
        TableColumn<ItemError, Number> line = new TableColumn<>(context.text("devices.import.line"));
        line.setId("import-errors-line");
        line.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().index()));
        line.setPrefWidth(60);
        line.setMaxWidth(80);
        line.setStyle("-fx-alignment: top-right;");
        TableColumn<ItemError, String> imei = new TableColumn<>(context.text("devices.column.imei"));
        imei.setId("import-errors-imei");
        imei.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().imei()));
        imei.setPrefWidth(150);
        imei.setStyle("-fx-alignment: top-left;");
        TableColumn<ItemError, ItemError> reason = new TableColumn<>(context.text("devices.import.reason"));
        reason.setId("import-errors-reason");
        reason.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        reason.setPrefWidth(400);
        reason.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                // a long reason wraps, and its line grows with it
                text.wrappingWidthProperty().bind(reason.widthProperty().subtract(14));
                text.getStyleClass().add("import-reason");
            }

            @Override
            protected void updateItem(ItemError item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? null : model.reason(item));
                setGraphic(empty || item == null ? null : text);
                setText(null);
                setTooltip(empty || item == null || item.detail() == null ? null : new Tooltip(item.detail()));
            }
        });
        errors.getColumns().setAll(java.util.List.of(line, imei, reason));
        errors.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        RowMenu<ItemError> rows = RowMenu.of(errors, "import-errors-menu");
        rows.addCopy("import-errors-copy", context.text("devices.import.menu.copy"), this::lineText);
        rows.addCopy("import-errors-copy-imei", context.text("devices.copyImei"), ItemError::imei);
    }

    /** A rejected line as the table shows it, tab-separated: its number, IMEI and reason. */
    private String lineText(ItemError error) {
        return String.join("\t", String.valueOf(error.index()), error.imei() == null ? "" : error.imei(),
                model.reason(error));
    }

    /** For a customer or supplier, the rule every line must keep; empty for operators. */
    private String scopeHelp(UserView user) {
        if (user == null || user.role() == Role.OPERATOR) {
            return "";
        }
        if (user.client() != null) {
            return " " + context.text("devices.import.scopeHelp.customer", user.client());
        }
        return user.deviceTypes().isEmpty() ? ""
                : " " + context.text("devices.import.scopeHelp.supplier", String.join(", ", user.deviceTypes()));
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("devices.import.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(context.text("devices.import.csvFiles"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(context.text("devices.import.allFiles"), "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }

    private void saveSecrets() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("devices.import.saveSecrets"));
        chooser.setInitialFileName("device-secrets.csv");
        File target = chooser.showSaveDialog(stage);
        if (target != null) {
            model.saveSecrets(target.toPath());
        }
    }

    private static void showWhenText(Label label, StringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
