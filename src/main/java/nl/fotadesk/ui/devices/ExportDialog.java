package nl.fotadesk.ui.devices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The window of a CSV export: what is exported and how many lines, the file (a name with today's
 * date in the home folder, typed or chosen), and the export itself with its progress; closing the
 * window cancels an export that is still running, leaving no half file.
 */
final class ExportDialog {
    private final UiContext context;
    private final CsvExport.Lines lines;
    private final long expected;
    private final String doneKey;
    private final Stage stage;
    private final TextField file = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param what     what is exported, in words (shown under the title)
     * @param baseName the file name before the date, e.g. "devices"
     * @param expected how many lines the export will have, or -1 when not known
     * @param doneKey  the i18n key of the result, with the number of lines and the file
     */
    ExportDialog(UiContext context, Window owner, String what, String baseName, long expected, String doneKey,
                 CsvExport.Lines lines) {
        this.context = context;
        this.lines = lines;
        this.expected = expected;
        this.doneKey = doneKey;
        Label title = new Label(context.text("devices.export.title"));
        title.getStyleClass().add("dialog-title");
        Label help = new Label(what + " " + context.text("devices.export.help"));
        help.setId("export-what");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.getStyleClass().add("help-text");

        file.setId("export-file");
        file.setText(Path.of(System.getProperty("user.home"), baseName + "-" + LocalDate.now() + ".csv").toString());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(context.text("devices.import.browse"));
        browse.setId("export-browse");
        browse.setOnAction(e -> browse());
        HBox fileRow = new HBox(8, new Label(context.text("devices.export.file")), file, browse);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.disableProperty().bind(running);

        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);
        status.setId("export-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        Button export = new Button(context.text("devices.export.run"));
        export.setId("export-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(running.or(file.textProperty().isEmpty()));
        export.setOnAction(e -> export());
        Button close = new Button();
        close.setId("export-close");
        close.setCancelButton(true);
        close.textProperty().bind(javafx.beans.binding.Bindings.when(running)
                .then(context.text("devices.cancel")).otherwise(context.text("devices.close")));
        close.setOnAction(e -> closeOrCancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, export, close);

        VBox root = new VBox(12, title, help, fileRow, progress, status, buttons);
        root.setId("export-dialog");
        root.getStyleClass().addAll("device-dialog", "dialog-content");
        root.setPrefWidth(620);
        stage = DialogWindow.create(owner, context.text("devices.export.title"), root);
        stage.setOnCloseRequest(e -> cancelled.set(true));
    }

    void show() {
        stage.show();
        file.requestFocus();
        file.end();
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("devices.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(context.text("devices.import.csvFiles"), "*.csv"));
        Path now = target();
        if (now != null && now.getParent() != null && Files.isDirectory(now.getParent())) {
            chooser.setInitialDirectory(now.getParent().toFile());
            chooser.setInitialFileName(now.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getAbsolutePath());
        }
    }

    private void export() {
        Path target = target();
        if (target == null || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            tone("error-text", context.text("devices.export.badFile"));
            return;
        }
        running.set(true);
        cancelled.set(false);
        progress.setProgress(expected > 0 ? 0 : ProgressBar.INDETERMINATE_PROGRESS);
        tone(null, context.text("devices.export.running", 0));
        AtomicLong written = new AtomicLong();
        AtomicBoolean shown = new AtomicBoolean(true);
        context.run(() -> {
            CsvExport.write(target, context.i18n().locale(), lines, n -> {
                written.set(n);
                // one update of the window at a time, however fast the lines are written
                if (shown.compareAndSet(true, false)) {
                    context.onFxThread(() -> {
                        shown.set(true);
                        showProgress(written.get());
                    });
                }
            }, cancelled::get);
            return written.get();
        }, n -> {
            running.set(false);
            progress.setProgress(1);
            tone("success-text", context.text(doneKey, n, target.toString()));
        }, failure -> {
            running.set(false);
            tone(cancelled.get() ? null : "error-text", cancelled.get() ? context.text("devices.export.cancelled")
                    : context.text("devices.export.failed", failure));
        });
    }

    private void showProgress(long n) {
        if (running.get()) {
            if (expected > 0) {
                progress.setProgress(Math.min(1, n / (double) expected));
            }
            tone(null, context.text("devices.export.running", n));
        }
    }

    private void closeOrCancel() {
        if (running.get()) {
            cancelled.set(true);
        } else {
            stage.close();
        }
    }

    private Path target() {
        try {
            String typed = file.getText().trim();
            return typed.isEmpty() ? null : Path.of(typed).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void tone(String styleClass, String text) {
        status.getStyleClass().removeAll("error-text", "success-text");
        if (styleClass != null) {
            status.getStyleClass().add(styleClass);
        }
        status.setText(text);
    }
}
