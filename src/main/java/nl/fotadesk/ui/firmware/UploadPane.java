package nl.fotadesk.ui.firmware;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.FileChooser;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.Clipboards;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.ConfirmDialog;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The upload card: a drop zone (with a file chooser button) on the left, device type and version on
 * the right, checked as typed, then Upload / Cancel, the progress and the result with its SHA-256.
 */
final class UploadPane {
    private static final String ICON = "M12 2 5 9h4.5v6h5V9H19z M4 17h16v3H4z";
    private static File lastFolder;

    private final UiContext context;
    private final UploadModel model;
    private final VBox root;
    private final Clipboards clipboards;

    UploadPane(UiContext context, UploadModel model, Clipboards clipboards) {
        this.context = context;
        this.model = model;
        this.clipboards = clipboards;
        HBox top = new HBox(20, dropZone(), form());
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        root = new VBox(10, top, resultBox());
        root.getStyleClass().addAll("card", "upload-card");
        root.setId("firmware-upload-card");
    }

    Node node() {
        return root;
    }

    private Node dropZone() {
        SVGPath icon = new SVGPath();
        icon.setContent(ICON);
        icon.getStyleClass().add("drop-icon");
        Label title = new Label(context.text("firmware.drop.title"));
        title.getStyleClass().add("drop-title");
        Label or = new Label(context.text("firmware.drop.or"));
        or.getStyleClass().add("help-text");
        Button choose = new Button(context.text("firmware.drop.choose"));
        choose.setId("firmware-file");
        choose.setOnAction(e -> choose());
        Label limit = new Label();
        limit.setId("firmware-limit");
        limit.getStyleClass().add("help-text");
        limit.setWrapText(true);
        limit.textProperty().bind(Bindings.createStringBinding(model::limitText, model.maxFileSize));
        VBox empty = new VBox(6, icon, title, or, choose, limit);
        empty.setAlignment(Pos.CENTER);

        Label name = new Label();
        name.setId("firmware-file-name");
        name.getStyleClass().add("drop-file-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMaxWidth(270);
        Label size = new Label();
        size.setId("firmware-file-size");
        size.getStyleClass().add("help-text");
        Label problem = new Label();
        problem.setId("firmware-file-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMaxWidth(270);
        problem.textProperty().bind(model.fileProblem);
        problem.visibleProperty().bind(model.fileProblem.isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button another = new Button(context.text("firmware.drop.another"));
        another.setId("firmware-file-another");
        another.setOnAction(e -> choose());
        another.disableProperty().bind(model.running);
        VBox chosen = new VBox(6, name, size, problem, another);
        chosen.setAlignment(Pos.CENTER);
        Runnable showFile = () -> {
            Path f = model.file.get();
            name.setText(f == null ? "" : fileName(f));
            name.setTooltip(f == null ? null : new Tooltip(f.toString()));
            size.setText(f == null || !model.fileProblem.get().isEmpty() ? ""
                    : context.text("firmware.file.size", context.i18n().bytes(model.fileSize.get()),
                    context.i18n().number(model.fileSize.get())));
        };
        model.file.addListener((o, a, f) -> showFile.run());
        showFile.run(); // a form kept across a language switch has its file already
        chosen.visibleProperty().bind(model.file.isNotNull());
        empty.visibleProperty().bind(model.file.isNull());

        StackPane zone = new StackPane(empty, chosen);
        zone.setId("firmware-drop");
        zone.getStyleClass().add("drop-zone");
        zone.setMinWidth(300);
        zone.setPrefWidth(300);
        zone.setOnDragOver(this::dragOver);
        zone.setOnDragEntered(e -> {
            if (acceptable(e)) {
                zone.getStyleClass().add("drop-zone-active");
            }
        });
        zone.setOnDragExited(e -> zone.getStyleClass().remove("drop-zone-active"));
        zone.setOnDragDropped(this::dropped);
        return zone;
    }

    private boolean acceptable(DragEvent e) {
        return e.getDragboard().hasFiles() && !model.running.get();
    }

    private void dragOver(DragEvent e) {
        if (acceptable(e)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        if (files.size() == 1) {
            chooseFile(files.get(0).toPath());
        } else if (files.size() > 1) {
            model.error.set(context.text("firmware.drop.oneFile", files.size()));
        }
        e.setDropCompleted(files.size() == 1);
        e.consume();
    }

    /** Uses {@code file} as the image to upload, as a drop or the file chooser does. */
    void chooseFile(Path file) {
        if (file.getParent() != null) {
            lastFolder = file.getParent().toFile();
        }
        model.chooseFile(file);
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("firmware.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(context.text("firmware.chooser.images"),
                        "*.bin", "*.hex", "*.img", "*.fw", "*.dfu", "*.ota", "*.uf2", "*.zip"),
                new FileChooser.ExtensionFilter(context.text("firmware.chooser.all"), "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showOpenDialog(Nodes.window(root));
        if (chosen != null) {
            chooseFile(chosen.toPath());
        }
    }

    private Node form() {
        ComboBox<String> type = new ComboBox<>(model.deviceTypes());
        type.setId("firmware-type");
        type.setEditable(true);
        type.setPrefWidth(240);
        type.setPromptText(context.text("firmware.type.prompt"));
        type.setVisibleRowCount(12);
        type.getEditor().textProperty().addListener((o, a, now) -> model.deviceType.set(now == null ? "" : now.trim()));
        type.valueProperty().addListener((o, a, now) -> {
            if (now != null && !now.equals(type.getEditor().getText())) {
                type.getEditor().setText(now);
            }
        });
        model.deviceType.addListener((o, a, now) -> {
            if (!now.equals(type.getEditor().getText().trim())) {
                type.getEditor().setText(now);
                type.setValue(now.isEmpty() ? null : now);
            }
        });
        type.getEditor().setText(model.deviceType.get());
        type.disableProperty().bind(model.running);
        Label typeMessage = message("firmware-type-message");
        typeMessage.textProperty().bind(Bindings.createStringBinding(() -> !model.typeProblem.get().isEmpty()
                ? model.typeProblem.get() : model.newType.get() ? context.text("firmware.type.new") : "",
                model.typeProblem, model.newType));
        typeMessage.getStyleClass().add("field-note");
        model.typeProblem.addListener((o, a, now) -> error(typeMessage, !now.isEmpty()));

        TextField version = new TextField();
        version.setId("firmware-version");
        version.setPrefWidth(240);
        version.setPromptText(context.text("firmware.version.prompt"));
        version.textProperty().bindBidirectional(model.version);
        version.disableProperty().bind(model.running);
        version.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canUpload().get()) {
                start(version);
            }
        });
        Label versionMessage = message("firmware-version-message");
        versionMessage.textProperty().bind(model.versionProblem);
        versionMessage.getStyleClass().add("error-text");
        Label remark = message("firmware-remark");
        remark.textProperty().bind(model.remark);
        remark.getStyleClass().add("field-note");

        Button upload = new Button(context.text("firmware.upload"));
        upload.setId("firmware-upload");
        upload.getStyleClass().add("accent-button");
        upload.disableProperty().bind(model.canUpload().not());
        upload.setOnAction(e -> start(upload));
        Button cancel = new Button(context.text("firmware.cancel"));
        cancel.setId("firmware-cancel");
        cancel.visibleProperty().bind(model.running);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Label hint = message("firmware-hint");
        hint.getStyleClass().add("help-text");
        hint.textProperty().bind(Bindings.createStringBinding(model::missing, model.file, model.deviceType,
                model.version));
        hint.visibleProperty().bind(model.running.not());
        HBox buttons = new HBox(8, upload, cancel, hint);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("firmware-progress");
        bar.setPrefWidth(240);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progress);
        Label progressText = message("firmware-progress-text");
        progressText.textProperty().bind(model.progressText);
        progressText.getStyleClass().add("help-text");
        bar.visibleProperty().bind(model.running);
        progressText.visibleProperty().bind(model.running);

        Label typeLabel = new Label(context.text("firmware.type"));
        typeLabel.setLabelFor(type);
        Label versionLabel = new Label(context.text("firmware.version"));
        versionLabel.setLabelFor(version);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("upload-form");
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, typeLabel, type, typeMessage);
        grid.addRow(1, versionLabel, version, new javafx.scene.layout.VBox(2, versionMessage, remark));
        grid.add(buttons, 1, 2, 2, 1);
        grid.add(bar, 1, 3);
        grid.add(progressText, 2, 3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(240);
        ColumnConstraints messages = new ColumnConstraints();
        messages.setHgrow(Priority.ALWAYS);
        messages.setMinWidth(120);
        grid.getColumnConstraints().addAll(labels, fields, messages);
        return grid;
    }

    /**
     * Starts the upload. An upload for a device type the server does not know creates that type, so a
     * typo would make a new one: that is asked first.
     */
    private void start(Node from) {
        if (!model.newType.get()) {
            model.start();
            return;
        }
        String type = model.deviceType.get();
        new ConfirmDialog(context.text("firmware.newType.title"), context.text("firmware.newType.header", type),
                context.text("firmware.newType.content", type), context.text("firmware.newType.confirm"),
                context.text("firmware.newType.keep"))
                .ids("firmware-new-type", "firmware-new-type-confirm", "firmware-new-type-keep")
                .show(from, model::start);
    }

    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static void error(Label label, boolean error) {
        label.getStyleClass().removeAll("error-text", "field-note");
        label.getStyleClass().add(error ? "error-text" : "field-note");
    }

    private Node resultBox() {
        Label error = message("firmware-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error);
        error.visibleProperty().bind(model.error.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        SVGPath check = new SVGPath();
        check.setContent("M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z");
        check.getStyleClass().add("result-icon");
        Label summary = new Label();
        summary.setId("firmware-result-summary");
        summary.getStyleClass().add("result-title");
        Label shaLabel = new Label(context.text("firmware.sha256"));
        shaLabel.getStyleClass().add("help-text");
        Label sha = new Label();
        sha.setId("firmware-result-sha256");
        sha.getStyleClass().add("hash");
        Button copy = new Button(context.text("firmware.copy"));
        copy.setId("firmware-result-copy");
        copy.getStyleClass().add("small-button");
        HBox hashRow = new HBox(8, shaLabel, sha, copy);
        hashRow.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, summary, hashRow);
        HBox result = new HBox(10, check, text);
        result.setId("firmware-result");
        result.getStyleClass().add("result-box");
        result.setAlignment(Pos.CENTER_LEFT);
        result.visibleProperty().bind(model.result.isNotNull());
        result.managedProperty().bind(result.visibleProperty());
        model.result.addListener((o, a, f) -> {
            if (f != null) {
                summary.setText(context.text("firmware.result", f.deviceType(), f.version(),
                        context.i18n().bytes(f.size()), context.i18n().number(f.size())));
                sha.setText(f.sha256());
            }
        });
        copy.setOnAction(e -> {
            FirmwareView f = model.result.get();
            if (f != null) {
                clipboards.copy(copy, f.sha256());
            }
        });
        return new VBox(6, error, result);
    }

    private static String fileName(Path f) {
        return f.getFileName() == null ? f.toString() : f.getFileName().toString();
    }
}
