package nl.fotadesk.ui.requests;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.protocol.ImeiList;
import nl.fotadesk.protocol.NameRules;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.WishedWindow;
import nl.fotadesk.ui.UiContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The requester's form: the firmware file (checked as a firmware upload: there, readable, not empty, within
 * the server's limit), device type and version (the server's name rules), release notes, the devices (all
 * of the user's client, an IMEI list, or a saved group), the wished window and a contact.
 */
public final class RequestFormModel {
    /** Which devices the request is for. */
    public enum Devices { ALL, IMEIS, GROUP }

    public final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    public final LongProperty maxFileSize = new SimpleLongProperty();
    public final StringProperty deviceType = new SimpleStringProperty("");
    public final StringProperty version = new SimpleStringProperty("");
    public final StringProperty releaseNotes = new SimpleStringProperty("");
    public final ObjectProperty<Devices> devices = new SimpleObjectProperty<>(Devices.ALL);
    public final StringProperty imeis = new SimpleStringProperty("");
    public final StringProperty groupId = new SimpleStringProperty("");
    public final StringProperty earliestStart = new SimpleStringProperty("");
    public final StringProperty latestEnd = new SimpleStringProperty("");
    public final StringProperty timeZone = new SimpleStringProperty("");
    public final StringProperty days = new SimpleStringProperty("");
    public final StringProperty from = new SimpleStringProperty("");
    public final StringProperty to = new SimpleStringProperty("");
    public final StringProperty contact = new SimpleStringProperty("");
    /** What stops the request from being filed, or empty when it is ready. */
    public final StringProperty problem = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();

    private final UiContext context;

    public RequestFormModel(UiContext context) {
        this.context = context;
        for (var input : new javafx.beans.Observable[]{file, maxFileSize, deviceType, version, devices, imeis, groupId}) {
            input.addListener(o -> check());
        }
        check();
        context.run(() -> context.client().limits(), limits -> maxFileSize.set(limits.maxFirmwareBytes()),
                unknown -> { }); // the server refuses a too large image all the same
    }

    /** Checks the form; the first problem found is in {@link #problem}. */
    public void check() {
        problem.set(firstProblem());
    }

    private String firstProblem() {
        Path chosen = file.get();
        if (chosen == null) {
            return context.text("requests.form.file");
        }
        String name = chosen.getFileName() == null ? chosen.toString() : chosen.getFileName().toString();
        try {
            if (!Files.isRegularFile(chosen)) {
                return context.text("firmware.file.missing", name);
            }
            long size = Files.size(chosen);
            if (size == 0) {
                return context.text("firmware.file.empty", name);
            }
            if (maxFileSize.get() > 0 && size > maxFileSize.get()) {
                return context.text("firmware.file.tooLarge", name, context.i18n().bytes(size),
                        context.i18n().bytes(maxFileSize.get()));
            }
        } catch (IOException e) {
            return context.text("firmware.file.unreadable", name);
        }
        if (!NameRules.isName(deviceType.get().strip())) {
            return context.text("requests.form.badType", deviceType.get());
        }
        if (!NameRules.isVersion(version.get().strip())) {
            return context.text("requests.form.badVersion", version.get());
        }
        if (devices.get() == Devices.IMEIS) {
            ImeiList list = ImeiList.parse(imeis.get());
            if (!list.problems().isEmpty()) {
                ImeiList.Problem bad = list.problems().get(0);
                return context.text("requests.form.imeis.bad", bad.line(), bad.token());
            }
            if (list.imeis().isEmpty()) {
                return context.text("requests.form.imeis.none");
            }
        }
        if (devices.get() == Devices.GROUP && groupId.get().isBlank()) {
            return context.text("requests.form.group.none");
        }
        return "";
    }

    /** Takes the IMEIs of a CSV or text file (the column that holds them) as the devices. */
    public void useImeisOf(String fileText) {
        imeis.set(String.join("\n", ImeiList.extract(fileText)));
        devices.set(Devices.IMEIS);
    }

    /** The request as the server takes it; empty fields are left out. */
    NewRequest toRequest() {
        CampaignTarget target = switch (devices.get()) {
            case ALL -> null;
            case IMEIS -> new CampaignTarget(null, null, null, ImeiList.parse(imeis.get()).imeis(), null, null);
            case GROUP -> new CampaignTarget(null, null, groupId.get(), null, null, null);
        };
        boolean noWindow = blank(earliestStart) && blank(latestEnd) && blank(timeZone) && blank(days) && blank(from)
                && blank(to);
        WishedWindow window = noWindow ? null : new WishedWindow(orNull(earliestStart), orNull(latestEnd),
                orNull(timeZone), blank(days) ? null : Arrays.stream(days.get().split("[,\\s]+"))
                .filter(d -> !d.isEmpty()).map(d -> d.toUpperCase(Locale.ROOT)).toList(), orNull(from), orNull(to));
        return new NewRequest(deviceType.get().strip(), version.get().strip(), orNull(releaseNotes), target, window,
                orNull(contact));
    }

    /** Files the request, streaming the file; {@code filed} is called with the request on success. */
    public void submit(Consumer<RequestView> filed) {
        check();
        if (!problem.get().isEmpty()) {
            message.set(problem.get());
            return;
        }
        NewRequest request = toRequest();
        Path image = file.get();
        busy.set(true);
        message.set("");
        context.run(() -> context.client().fileRequest(request, image, sent -> { }), r -> {
            busy.set(false);
            message.set(context.text("requests.form.filed", r.deviceCount()));
            filed.accept(r);
        }, failed -> {
            busy.set(false);
            message.set(failed);
        });
    }

    private static boolean blank(StringProperty field) {
        return field.get() == null || field.get().isBlank();
    }

    private static String orNull(StringProperty field) {
        return blank(field) ? null : field.get().strip();
    }
}
