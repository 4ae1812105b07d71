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
import nl.fotadesk.client.TooManyRequestsException;
import nl.fotadesk.client.UnauthorizedException;
import nl.fotadesk.protocol.api.UserView;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What every screen needs: the server (only through {@link FotaDeskClient}), strings, settings, and a
 * way to do work off the FX thread and show its result on it, keeping the connection state current.
 * <p>
 * {@link #sameThread} makes one for tests of view models: work and its result run on the calling
 * thread, at once, so a plain JUnit test drives a model without a screen or waiting.
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
    /** Where work runs: a pool, or the calling thread. */
    private final Executor background;
    /** Where results are shown: the FX thread, or the calling thread. */
    private final Executor fxThread;
    private volatile boolean closed;
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty connectionDetail = new SimpleStringProperty("");
    /** Who the client acts for; null for the server's API key. */
    private final ObjectProperty<UserView> user = new SimpleObjectProperty<>();
    /** Asked to sign in again when the server no longer accepts the session (it expired or was ended). */
    private volatile Runnable onSignInNeeded = () -> { };

    public UiContext(FotaDeskClient client, I18n i18n, Settings settings, boolean demo) {
        this(client, i18n, settings, demo, Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ui-background");
            t.setDaemon(true);
            return t;
        }), Platform::runLater);
    }

    private UiContext(FotaDeskClient client, I18n i18n, Settings settings, boolean demo, Executor background,
                      Executor fxThread) {
        this.client = client;
        this.i18n = i18n;
        this.settings = settings;
        this.demo = demo;
        this.background = background;
        this.fxThread = fxThread;
    }

    /** A context that runs work and shows its result on the calling thread (for tests of view models). */
    public static UiContext sameThread(FotaDeskClient client, I18n i18n, Settings settings) {
        return new UiContext(client, i18n, settings, false, Runnable::run, Runnable::run);
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

    /** The signed-in user; null while the client acts with the server's API key (operator rights). */
    public ObjectProperty<UserView> userProperty() {
        return user;
    }

    public UserView user() {
        return user.get();
    }

    /** Whether the signed-in user may do this, so that a screen offers it. */
    public boolean may(Permission permission) {
        return permission.allows(user.get());
    }

    /** What to do, on the FX thread, when the server refuses the session: ask to sign in again. */
    public void setOnSignInNeeded(Runnable action) {
        this.onSignInNeeded = action;
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
        if (closed) {
            return; // the app is closing: late refreshes have nowhere to go
        }
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                String message = explain(e);
                onFxThread(() -> failed.accept(message));
                return;
            }
            onFxThread(() -> {
                connected();
                done.accept(result);
            });
        });
    }

    /** Runs {@code action} on the FX thread later (at once, in a {@link #sameThread} context). */
    public void onFxThread(Runnable action) {
        fxThread.execute(action);
    }

    /** Marks the server as reachable. */
    public void connected() {
        connection.set(ConnectionState.CONNECTED);
        connectionDetail.set(client.baseUrl());
    }

    /** A failure in words for the user, saying what to do; it also updates the connection state. */
    public String explain(Throwable e) {
        if (e instanceof ConnectionException c) {
            onFxThread(() -> {
                connection.set(ConnectionState.RECONNECTING);
                connectionDetail.set(client.baseUrl());
            });
            if (c.certificate().isPresent()) { // refused until the user trusts it: waiting will not help
                return text(c.reason() == ConnectionException.Reason.CERTIFICATE_CHANGED
                        ? "error.certificateChanged" : "error.certificateUntrusted", client.baseUrl());
            }
            return text("error.connection", client.baseUrl());
        }
        if (e instanceof UnauthorizedException refused) {
            if (refused.credentialReplaced()) { // a request of the user before a switch: nothing to mend
                return text("error.sessionEnded");
            }
            if (user.get() != null) { // a session that ended: signing in again mends it
                onFxThread(onSignInNeeded);
                return text("error.sessionEnded");
            }
            onFxThread(() -> connection.set(ConnectionState.ERROR));
            return text("error.unauthorized");
        }
        if (e instanceof ApiException a && i18n.has("apierror." + a.error())) {
            return text("apierror." + a.error(), a.detail());
        }
        if (e instanceof TooManyRequestsException busy) {
            return busy.retryAfter().map(wait -> text("error.tooManyRequestsWait", Math.max(1, wait.toSeconds())))
                    .orElseGet(() -> text("error.tooManyRequests"));
        }
        if (e instanceof FotaDeskException f) {
            return f.getMessage();
        }
        return text("error.unexpected", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    @Override
    public void close() {
        closed = true;
        if (background instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
