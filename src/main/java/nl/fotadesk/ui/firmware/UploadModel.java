package nl.fotadesk.ui.firmware;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The upload form's state: file, device type and version checked as they change (against the
 * server's rules and the images already there), and one upload at a time, streamed in the
 * background with progress, that the user can cancel.
 */
final class UploadModel {
    private final UiContext context;
    private final FirmwareModel firmware;

    final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    final LongProperty fileSize = new SimpleLongProperty();
    /** The largest image the server accepts, in bytes; 0 until the server said. */
    final LongProperty maxFileSize = new SimpleLongProperty();
    /** Why the chosen (or dropped) file cannot be uploaded, or empty. */
    final StringProperty fileProblem = new SimpleStringProperty("");
    final StringProperty deviceType = new SimpleStringProperty("");
    final StringProperty version = new SimpleStringProperty("");
    /** What is wrong with the typed device type, or empty (nothing typed yet counts as nothing wrong). */
    final StringProperty typeProblem = new SimpleStringProperty("");
    /** True when the typed device type is valid but not known yet: the upload creates it. */
    final BooleanProperty newType = new SimpleBooleanProperty();
    final StringProperty versionProblem = new SimpleStringProperty("");
    /** A remark on a valid form that does not stop the upload ("v1.2"; the same file is on the server already), or empty. */
    final StringProperty remark = new SimpleStringProperty("");
    /** The chosen file's SHA-256 (hex), once read; null before. */
    final StringProperty fileSha256 = new SimpleStringProperty();
    /** True when the form is complete and valid. */
    final BooleanProperty ready = new SimpleBooleanProperty();

    final ObjectProperty<Task<FirmwareView>> task = new SimpleObjectProperty<>();
    final BooleanBinding running = task.isNotNull();
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    final StringProperty progressText = new SimpleStringProperty("");
    /** The last image uploaded, shown until the next upload starts. */
    final ObjectProperty<FirmwareView> result = new SimpleObjectProperty<>();
    /** Why the last upload failed or what stopped it, or empty. */
    final StringProperty error = new SimpleStringProperty("");
    /** The thread of the running upload, to wait for its end when the app quits. */
    private Thread uploading;
    /** Called with each image uploaded, on the FX thread. */
    private java.util.function.Consumer<FirmwareView> onUploaded = f -> {
    };

    UploadModel(UiContext context, FirmwareModel firmware) {
        this.context = context;
        this.firmware = firmware;
        Observable[] inputs = {file, fileProblem, deviceType, version, firmware.images, firmware.deviceTypes,
                firmware.loaded, fileSha256};
        for (Observable o : inputs) {
            o.addListener(x -> check());
        }
        check();
        maxFileSize.addListener((o, a, b) -> refuseIfTooLarge());
        context.run(() -> context.client().limits(), limits -> maxFileSize.set(limits.maxFirmwareBytes()),
                unknown -> { }); // without it, the server still refuses a too large image on upload
    }

    /** The limit in words, e.g. "Images up to 64 MiB.", or empty while unknown. */
    String limitText() {
        return maxFileSize.get() <= 0 ? "" : context.text("firmware.drop.limit", context.i18n().bytes(maxFileSize.get()));
    }

    /** Refuses the chosen file at once when it is larger than the server accepts. */
    private void refuseIfTooLarge() {
        Path chosen = file.get();
        long max = maxFileSize.get();
        if (chosen != null && fileProblem.get().isEmpty() && max > 0 && fileSize.get() > max) {
            fileProblem.set(context.text("firmware.file.tooLarge", name(chosen), context.i18n().bytes(fileSize.get()),
                    context.i18n().bytes(max)));
        }
    }

    private static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    void setOnUploaded(java.util.function.Consumer<FirmwareView> onUploaded) {
        this.onUploaded = onUploaded;
    }

    /** The device types to choose from (the server's, and those of the images). */
    javafx.collections.ObservableList<String> deviceTypes() {
        return firmware.deviceTypes;
    }

    BooleanBinding canUpload() {
        return Bindings.createBooleanBinding(() -> ready.get() && !running.get(), ready, running);
    }

    /** The file to upload, from the file chooser or a drop; fills an empty type and version from its name. */
    void chooseFile(Path chosen) {
        error.set("");
        if (chosen == null) {
            return;
        }
        String name = name(chosen);
        String problem = "";
        long size = 0;
        if (Files.isDirectory(chosen)) {
            problem = context.text("firmware.file.folder", name);
        } else if (!Files.isRegularFile(chosen)) {
            problem = context.text("firmware.file.missing", name);
        } else if (!Files.isReadable(chosen)) {
            problem = context.text("firmware.file.unreadable", name);
        } else {
            try {
                size = Files.size(chosen);
                if (size == 0) {
                    problem = context.text("firmware.file.empty", name);
                }
            } catch (IOException e) {
                problem = context.text("firmware.file.unreadable", name);
            }
        }
        fileSize.set(size);
        fileProblem.set(problem);
        fileSha256.set(null);
        file.set(chosen);
        refuseIfTooLarge();
        problem = fileProblem.get();
        if (problem.isEmpty()) {
            // Read in the background to find the same image on the server under another version.
            context.run(() -> sha256(chosen), sha -> {
                if (chosen.equals(file.get())) {
                    fileSha256.set(sha);
                }
            }, failed -> { });
        }
        if (problem.isEmpty()) {
            FirmwareNames.Guess guess = FirmwareNames.guess(name, firmware.deviceTypes);
            if (deviceType.get().isBlank() && guess.deviceType() != null) {
                deviceType.set(guess.deviceType());
            }
            if (version.get().isBlank() && guess.version() != null) {
                version.set(guess.version());
            }
        }
    }

    /** The file's SHA-256 in hex, as the server computes it for an image. */
    private static String sha256(Path path) throws IOException, java.security.NoSuchAlgorithmException {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Checks the form again; also puts its messages in the language just switched to. */
    void check() {
        String type = deviceType.get() == null ? "" : deviceType.get();
        String v = version.get() == null ? "" : version.get();
        Optional<FirmwareNames.Problem> typeError = FirmwareNames.deviceTypeProblem(type);
        Optional<FirmwareNames.Problem> versionError = FirmwareNames.versionProblem(v);
        typeProblem.set(type.isEmpty() ? "" : typeError.map(this::text).orElse(""));
        newType.set(typeError.isEmpty() && firmware.loaded.get()
                && firmware.deviceTypes.stream().noneMatch(t -> t.equals(type)));
        String vp = v.isEmpty() ? "" : versionError.map(this::text).orElse("");
        if (vp.isEmpty() && typeError.isEmpty() && versionError.isEmpty()) {
            vp = firmware.find(type, v).map(f -> context.text("firmware.duplicate", f.deviceType(), f.version(),
                    context.i18n().dateTime(f.uploadedAt()))).orElse("");
        }
        versionProblem.set(vp);
        String sha = fileSha256.get();
        remark.set(firmware.images.stream().filter(f -> sha != null && sha.equalsIgnoreCase(f.sha256())).findFirst()
                .map(f -> context.text("firmware.sameFile", f.deviceType(), f.version()))
                .or(() -> FirmwareNames.versionHint(v).map(this::text)).orElse(""));
        ready.set(file.get() != null && fileProblem.get().isEmpty() && typeError.isEmpty() && versionError.isEmpty()
                && vp.isEmpty());
    }

    private String text(FirmwareNames.Problem p) {
        return p.argument() == null ? context.text(p.key()) : context.text(p.key(), p.argument());
    }

    /** What the user still has to do before the upload can start, or empty when ready. */
    String missing() {
        if (file.get() == null) {
            return context.text("firmware.hint.file");
        }
        if (deviceType.get().isBlank()) {
            return context.text("firmware.hint.type");
        }
        if (version.get().isBlank()) {
            return context.text("firmware.hint.version");
        }
        return "";
    }

    /** Starts the upload in the background, unless one runs or the form is not ready. */
    void start() {
        if (!ready.get() || running.get()) {
            return;
        }
        Path path = file.get();
        String type = deviceType.get();
        String v = version.get();
        long size = fileSize.get();
        Task<FirmwareView> upload = new Task<>() {
            @Override
            protected FirmwareView call() {
                try {
                    updateProgress(0, size);
                    return context.client().uploadFirmware(type, v, path, sent -> {
                        if (isCancelled()) {
                            // stops sending; the server drops the partial image
                            throw new CancellationException();
                        }
                        updateProgress(sent, Math.max(size, sent));
                    });
                } finally {
                    if (isCancelled()) {
                        // a cancel after the last byte may still have stored the image: show what the server has
                        context.onFxThread(firmware::load);
                    }
                }
            }
        };
        upload.workDoneProperty().addListener((o, a, done) -> showProgress(done.longValue(), size));
        upload.setOnSucceeded(e -> {
            FirmwareView uploaded = upload.getValue();
            task.set(null);
            progress.set(1);
            progressText.set(context.text("firmware.progress.done", context.i18n().bytes(uploaded.size())));
            result.set(uploaded);
            firmware.added(uploaded);
            file.set(null);
            fileProblem.set("");
            version.set("");
            onUploaded.accept(uploaded);
        });
        upload.setOnFailed(e -> {
            task.set(null);
            progress.set(0);
            progressText.set("");
            error.set(explain(upload.getException(), type, v, size, path));
            if (upload.getException() instanceof ApiException) {
                firmware.load();
            }
        });
        upload.setOnCancelled(e -> {
            task.set(null);
            progress.set(0);
            progressText.set("");
            error.set(context.text("firmware.cancelled"));
        });
        error.set("");
        result.set(null);
        progress.set(0);
        showProgress(0, size);
        task.set(upload);
        uploading = new Thread(upload, "firmware-upload");
        uploading.setDaemon(true);
        uploading.start();
    }

    private void showProgress(long sent, long size) {
        if (size <= 0) {
            return;
        }
        double fraction = Math.min(1, (double) sent / size);
        progress.set(fraction);
        progressText.set(context.text("firmware.progress", context.i18n().bytes(sent), context.i18n().bytes(size),
                fraction));
    }

    /** Stops a running upload. */
    void cancel() {
        Task<FirmwareView> running = task.get();
        if (running != null) {
            running.cancel(true);
        }
    }

    /**
     * Stops a running upload and waits (a bounded time) until it has stopped sending, so the server
     * sees the request end and drops the partial image before the app, and with it the demo's server, goes.
     */
    void cancelAndWait(java.time.Duration atMost) {
        Thread thread = uploading;
        cancel();
        if (thread == null) {
            return;
        }
        try {
            thread.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String explain(Throwable e, String type, String v, long size, Path path) {
        if (e instanceof ApiException a) {
            switch (a.error()) {
                case "duplicate_firmware":
                    return context.text("firmware.error.duplicate", type, v);
                case "too_large":
                    return context.text("firmware.error.tooLarge", context.i18n().bytes(size));
                default:
                    break;
            }
        }
        if (e instanceof UncheckedIOException io) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            return io.getCause() instanceof NoSuchFileException ? context.text("firmware.file.missing", name)
                    : context.text("firmware.error.read", name, String.valueOf(io.getCause().getMessage()));
        }
        return context.explain(e);
    }
}
