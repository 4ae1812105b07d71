package nl.fotadesk.ui.devices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
import nl.fotadesk.client.ValidationException;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Imports devices from a CSV file, streamed to the server: first a check (nothing stored) if the
 * operator wants, then the import. Good lines are imported; each rejected line is listed with its
 * line number and the reason in words. Secrets the server generated can be saved, once.
 */
final class ImportDevicesDialog {
    private static final int MAX_TABLE_ROWS = 10_000;

    /** The server's report, or why the whole file was refused (a message for the operator). */
    private record Outcome(ImportReport report, String refusal) {
    }

    private final UiContext context;
    private final Runnable imported;
    private final Stage stage;
    private final TextField file = new TextField();
    private final Label summary = new Label();
    private final Label message = new Label();
    private final TableView<ItemError> errors = new TableView<>();
    private final VBox secretsBox = new VBox(6);
    private final Label secretsText = new Label();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Map<String, String> unsavedSecrets = Map.of();
    private boolean warnedUnsaved;

    ImportDevicesDialog(UiContext context, Window owner, Runnable imported) {
        this.context = context;
        this.imported = imported;
        VBox root = content();
        stage = DialogWindow.create(owner, context.text("devices.import.title"), root);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setOnCloseRequest(e -> {
            if ((owner == null || owner.isShowing()) && !mayClose()) {
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
        Label help = new Label(context.text("devices.import.help"));
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
        check.setOnAction(e -> run(true));
        Button start = new Button(context.text("devices.import.run"));
        start.setId("import-run");
        start.setDefaultButton(true);
        start.setOnAction(e -> run(false));
        for (Button b : new Button[]{check, start}) {
            b.disableProperty().bind(busy.or(file.textProperty().isEmpty()));
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
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
            if (mayClose()) {
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
        show(message, "");
        show(summary, "");
        errors.setVisible(false);
        errors.setManaged(false);
        secretsBox.setVisible(false);
        secretsBox.setManaged(false);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                file.setText(e.getDragboard().getFiles().get(0).getAbsolutePath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        return root;
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
                text.setText(empty || item == null ? null : reason(item));
                setGraphic(empty || item == null ? null : text);
                setText(null);
                setTooltip(empty || item == null || item.detail() == null ? null : new Tooltip(item.detail()));
            }
        });
        errors.getColumns().setAll(java.util.List.of(line, imei, reason));
    }

    /** Why a line was rejected, in the operator's language. */
    String reason(ItemError e) {
        String code = e.error() == null ? "" : e.error();
        switch (code) {
            case "invalid_imei" -> {
                ImeiCheck check = ImeiCheck.of(e.imei());
                int digits = e.imei() == null ? 0 : e.imei().replaceAll("[^0-9]", "").length();
                return switch (check.verdict()) {
                    case EMPTY -> context.text("devices.import.reason.noImei");
                    case INCOMPLETE -> context.text("devices.import.reason.short", digits);
                    case VALID -> context.text("devices.import.reason.imei");
                    default -> context.text(check.key(), check.arguments());
                };
            }
            case "duplicate_imei" -> {
                return context.text("devices.import.reason.duplicate");
            }
            case "invalid_line" -> {
                return context.text("devices.import.reason.columns");
            }
            case "invalid_device_type" -> {
                return context.text("devices.import.reason.type");
            }
            case "invalid_client" -> {
                return context.text("devices.import.reason.client");
            }
            case "invalid_firmware" -> {
                return context.text("devices.import.reason.firmware");
            }
            case "invalid_secret" -> {
                return context.text("devices.import.reason.secret");
            }
            default -> {
                return e.detail() == null ? code : e.detail();
            }
        }
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("devices.import.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(context.text("devices.import.csvFiles"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(context.text("devices.import.allFiles"), "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getAbsolutePath());
        }
    }

    private void run(boolean dryRun) {
        Path path;
        try {
            path = Path.of(file.getText().trim());
        } catch (InvalidPathException e) {
            show(message, context.text("devices.import.noFile", file.getText().trim()));
            return;
        }
        busy.set(true);
        show(message, "");
        context.run(() -> {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                return new Outcome(null, context.text("devices.import.noFile", path.toString()));
            }
            try (InputStream in = Files.newInputStream(path)) {
                return new Outcome(context.client().importDevices(in, dryRun), null);
            } catch (ValidationException e) {
                return new Outcome(null, switch (e.error()) {
                    case "invalid_csv" -> context.text("devices.import.badFile", e.detail());
                    case "too_many_lines" -> context.text("devices.import.tooMany", e.detail());
                    default -> context.explain(e);
                });
            }
        }, outcome -> {
            busy.set(false);
            if (outcome.report() == null) {
                show(message, outcome.refusal());
                return;
            }
            showReport(outcome.report());
            if (!outcome.report().dryRun() && outcome.report().imported() > 0) {
                imported.run();
            }
        }, failure -> {
            busy.set(false);
            show(message, context.text("devices.import.failed", failure));
        });
    }

    private void showReport(ImportReport report) {
        int rejected = report.errors().size();
        String text = report.dryRun()
                ? context.text("devices.import.checked", report.lines(), report.lines() - rejected, rejected)
                : context.text("devices.import.done", report.lines(), report.imported(), rejected);
        show(summary, text);
        summary.getStyleClass().removeAll("success-text", "warning-text");
        summary.getStyleClass().add(rejected == 0 ? "success-text" : "warning-text");
        errors.getItems().setAll(report.errors().size() > MAX_TABLE_ROWS
                ? report.errors().subList(0, MAX_TABLE_ROWS) : report.errors());
        errors.setVisible(rejected > 0);
        errors.setManaged(rejected > 0);
        Map<String, String> secrets = report.generatedSecrets() == null ? Map.of() : report.generatedSecrets();
        if (!report.dryRun() && !secrets.isEmpty()) {
            unsavedSecrets = secrets;
            secretsText.setText(context.text("devices.import.secrets", secrets.size()));
            secretsBox.setVisible(true);
            secretsBox.setManaged(true);
        }
    }

    private void saveSecrets() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("devices.import.saveSecrets"));
        chooser.setInitialFileName("device-secrets.csv");
        File target = chooser.showSaveDialog(stage);
        if (target == null) {
            return;
        }
        StringBuilder csv = new StringBuilder("imei,secret\n");
        unsavedSecrets.forEach((imei, secret) -> csv.append(imei).append(',').append(secret).append('\n'));
        context.run(() -> Files.writeString(target.toPath(), csv, StandardCharsets.UTF_8), p -> {
            unsavedSecrets = Map.of();
            secretsText.setText(context.text("devices.import.secretsSaved", target.getName()));
        }, failure -> secretsText.setText(context.text("devices.import.saveFailed", failure)));
    }

    /**
     * Closing with generated secrets not saved loses them: the first attempt only warns (in the
     * dialog, no second modal window), the next one closes.
     */
    private boolean mayClose() {
        if (unsavedSecrets.isEmpty() || warnedUnsaved) {
            return true;
        }
        warnedUnsaved = true;
        secretsText.setText(context.text("devices.import.closeUnsaved", unsavedSecrets.size()));
        secretsText.getStyleClass().remove("warning-text");
        secretsText.getStyleClass().add("error-text");
        return false;
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }
}
