package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.client.ConnectionException;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.FotaDeskException;
import nl.fotadesk.client.UnauthorizedException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What every screen needs: the server (only through {@link FotaDeskClient}), strings, settings, and a
 * way to do work off the FX thread and show its result on it, keeping the connection state current.
 */
public final class UiContext implements AutoCloseable {
    /** Work that talks to the server. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    private final FotaDeskClient client;
    private final I18n i18n;
    private final Settings settings;
    private final boolean demo;
    private final ExecutorService background = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty connectionDetail = new SimpleStringProperty("");

    public UiContext(FotaDeskClient client, I18n i18n, Settings settings, boolean demo) {
        this.client = client;
        this.i18n = i18n;
        this.settings = settings;
        this.demo = demo;
    }

    public FotaDeskClient client() {
        return client;
    }

    public I18n i18n() {
        return i18n;
    }

    public String text(String key, Object... args) {
        return i18n.get(key, args);
    }

    public Settings settings() {
        return settings;
    }

    public boolean demo() {
        return demo;
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public StringProperty connectionDetailProperty() {
        return connectionDetail;
    }

    /**
     * Runs {@code work} in the background; {@code done} gets its result and {@code failed} a message a
     * user understands, both on the FX thread.
     */
    public <T> void run(Work<T> work, Consumer<T> done, Consumer<String> failed) {
        if (background.isShutdown()) {
            return; // the app is closing: late refreshes have nowhere to go
        }
        background.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    connected();
                    done.accept(result);
                });
            } catch (Exception e) {
                String message = explain(e);
                Platform.runLater(() -> failed.accept(message));
            }
        });
    }

    /** Marks the server as reachable. */
    public void connected() {
        connection.set(ConnectionState.CONNECTED);
        connectionDetail.set(client.baseUrl());
    }

    /** A failure in words for the user, saying what to do; it also updates the connection state. */
    public String explain(Throwable e) {
        if (e instanceof ConnectionException c) {
            Platform.runLater(() -> {
                connection.set(ConnectionState.RECONNECTING);
                connectionDetail.set(client.baseUrl());
            });
            if (c.certificate().isPresent()) { // refused until the user trusts it: waiting will not help
                return text(c.reason() == ConnectionException.Reason.CERTIFICATE_CHANGED
                        ? "error.certificateChanged" : "error.certificateUntrusted", client.baseUrl());
            }
            return text("error.connection", client.baseUrl());
        }
        if (e instanceof UnauthorizedException) {
            Platform.runLater(() -> connection.set(ConnectionState.ERROR));
            return text("error.unauthorized");
        }
        if (e instanceof ApiException a && i18n.has("apierror." + a.error())) {
            return text("apierror." + a.error(), a.detail());
        }
        if (e instanceof FotaDeskException f) {
            return f.getMessage();
        }
        return text("error.unexpected", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
