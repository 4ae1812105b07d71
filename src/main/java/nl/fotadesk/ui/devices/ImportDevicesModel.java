package nl.fotadesk.ui.devices;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.client.ValidationException;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.ui.UiContext;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CSV import's state and rules, apart from its window: the file named, checking it (nothing
 * stored) or importing it, the server's report in words (summary and each rejected line with its
 * reason), and the secrets the server generated, which are lost unless saved before closing.
 */
final class ImportDevicesModel {
    /** Rejected lines beyond these are counted in the summary but not listed. */
    static final int MAX_LISTED_ERRORS = 10_000;

    /** How the summary reads: all lines good, or some rejected. */
    enum Tone { SUCCESS, WARNING }

    /** How the secrets' note reads: a reminder, or a warning that closing now loses them. */
    enum SecretsTone { WARNING, ERROR }

    /**
     * The server's report, or why the whole file was refused (a message for the user) with the lines that
     * refused it (a scoped user's lines outside their scope).
     */
    private record Outcome(ImportReport report, String refusal, List<ItemError> refusedLines) {
        Outcome(ImportReport report) {
            this(report, null, List.of());
        }

        Outcome(String refusal) {
            this(null, refusal, List.of());
        }
    }

    private final UiContext context;
    private final Runnable imported;
    private final StringProperty file = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canRun = busy.not().and(file.isNotEmpty());
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<Tone> summaryTone = new SimpleObjectProperty<>(Tone.SUCCESS);
    private final ObservableList<ItemError> errors = FXCollections.observableArrayList();
    private final StringProperty secretsNote = new SimpleStringProperty("");
    private final ObjectProperty<SecretsTone> secretsTone = new SimpleObjectProperty<>(SecretsTone.WARNING);
    private Map<String, String> unsavedSecrets = Map.of();
    private boolean warnedUnsaved;

    /** @param imported told after an import stored at least one device */
    ImportDevicesModel(UiContext context, Runnable imported) {
        this.context = context;
        this.imported = imported;
    }

    /** The CSV file's path as typed, browsed or dropped. */
    StringProperty fileProperty() {
        return file;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    /** True when a file is named and nothing runs. */
    BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Why nothing was checked or imported; empty otherwise. */
    StringProperty messageProperty() {
        return message;
    }

    /** How many lines were read, imported (or could be) and rejected; empty before a report. */
    StringProperty summaryProperty() {
        return summary;
    }

    ObjectProperty<Tone> summaryToneProperty() {
        return summaryTone;
    }

    /** The rejected lines of the last report, by line number. */
    ObservableList<ItemError> errors() {
        return errors;
    }

    /** What to do with the generated secrets; empty when there are none. */
    StringProperty secretsNoteProperty() {
        return secretsNote;
    }

    ObjectProperty<SecretsTone> secretsToneProperty() {
        return secretsTone;
    }

    /** Checks the file ({@code dryRun}: nothing stored) or imports it, in the background. */
    void run(boolean dryRun) {
        String typed = file.get().trim();
        Path path;
        try {
            path = Path.of(typed);
        } catch (InvalidPathException e) {
            message.set(context.text("devices.import.noFile", typed));
            return;
        }
        busy.set(true);
        message.set("");
        context.run(() -> send(path, dryRun), outcome -> {
            busy.set(false);
            if (outcome.report() == null) {
                message.set(outcome.refusal());
                summary.set("");
                errors.setAll(outcome.refusedLines());
                return;
            }
            show(outcome.report());
            if (!outcome.report().dryRun() && outcome.report().imported() > 0) {
                imported.run();
            }
        }, failure -> {
            busy.set(false);
            message.set(context.text("devices.import.failed", failure));
        });
    }

    private Outcome send(Path path, boolean dryRun) throws Exception {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return new Outcome(context.text("devices.import.noFile", path.toString()));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new Outcome(context.client().importDevices(in, dryRun));
        } catch (ValidationException e) {
            if ("invalid_batch".equals(e.error())) {
                List<ItemError> lines = e.itemErrors();
                return new Outcome(null, context.text("devices.import.outsideScope",
                        lines.stream().filter(l -> "out_of_scope".equals(l.error())).count()), lines);
            }
            return new Outcome(switch (e.error()) {
                case "invalid_csv" -> context.text("devices.import.badFile", e.detail());
                case "too_many_lines" -> context.text("devices.import.tooMany", e.detail());
                default -> context.explain(e);
            });
        }
    }

    /** Shows the server's report: its summary, the rejected lines and the secrets to save. */
    void show(ImportReport report) {
        int rejected = report.errors().size();
        summary.set(report.dryRun()
                ? context.text("devices.import.checked", report.lines(), report.lines() - rejected, rejected)
                : context.text("devices.import.done", report.lines(), report.imported(), rejected));
        summaryTone.set(rejected == 0 ? Tone.SUCCESS : Tone.WARNING);
        errors.setAll(rejected > MAX_LISTED_ERRORS ? report.errors().subList(0, MAX_LISTED_ERRORS) : report.errors());
        Map<String, String> secrets = report.generatedSecrets() == null ? Map.of() : report.generatedSecrets();
        if (!report.dryRun() && !secrets.isEmpty()) {
            unsavedSecrets = secrets;
            warnedUnsaved = false;
            secretsTone.set(SecretsTone.WARNING);
            secretsNote.set(context.text("devices.import.secrets", secrets.size()));
        }
    }

    /** Why a line was rejected, in the operator's language. */
    String reason(ItemError e) {
        String code = e.error() == null ? "" : e.error();
        return switch (code) {
            case "invalid_imei" -> imeiReason(e.imei());
            case "duplicate_imei" -> context.text("devices.import.reason.duplicate");
            case "invalid_line" -> context.text("devices.import.reason.columns");
            case "invalid_device_type" -> context.text("devices.import.reason.type");
            case "invalid_client" -> context.text("devices.import.reason.client");
            case "invalid_firmware" -> context.text("devices.import.reason.firmware");
            case "invalid_secret" -> context.text("devices.import.reason.secret");
            case "out_of_scope" -> context.text("devices.import.reason.scope");
            case "unknown_client" -> context.text("devices.import.reason.unknownClient");
            case "unknown_device_type" -> context.text("devices.import.reason.unknownType");
            default -> e.detail() == null ? code : e.detail();
        };
    }

    private String imeiReason(String imei) {
        ImeiCheck check = ImeiCheck.of(imei);
        return switch (check.verdict()) {
            case EMPTY -> context.text("devices.import.reason.noImei");
            case INCOMPLETE -> context.text("devices.import.reason.short", imei.replaceAll("[^0-9]", "").length());
            case VALID -> context.text("devices.import.reason.imei");
            default -> context.text(check.key(), check.arguments());
        };
    }

    /** The generated secrets not saved yet, as CSV with a header; empty when there are none. */
    String unsavedSecretsCsv() {
        if (unsavedSecrets.isEmpty()) {
            return "";
        }
        StringBuilder csv = new StringBuilder("imei,secret\n");
        unsavedSecrets.forEach((imei, secret) -> csv.append(imei).append(',').append(secret).append('\n'));
        return csv.toString();
    }

    /** Saves the generated secrets in {@code target}, in the background. */
    void saveSecrets(Path target) {
        String csv = unsavedSecretsCsv();
        context.run(() -> Files.writeString(target, csv, StandardCharsets.UTF_8), p -> {
            unsavedSecrets = Map.of();
            secretsTone.set(SecretsTone.WARNING);
            secretsNote.set(context.text("devices.import.secretsSaved", target.getFileName()));
        }, failure -> secretsNote.set(context.text("devices.import.saveFailed", failure)));
    }

    /**
     * Closing with generated secrets not saved loses them: the first attempt only warns (in the
     * dialog, no second modal window), the next one closes.
     */
    boolean mayClose() {
        if (unsavedSecrets.isEmpty() || warnedUnsaved) {
            return true;
        }
        warnedUnsaved = true;
        secretsTone.set(SecretsTone.ERROR);
        secretsNote.set(context.text("devices.import.closeUnsaved", unsavedSecrets.size()));
        return false;
    }
}
