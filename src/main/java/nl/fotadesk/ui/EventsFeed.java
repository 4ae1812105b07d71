package nl.fotadesk.ui;

import nl.fotadesk.client.ConnectionException;
import nl.fotadesk.client.FotaDeskException;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;

import java.util.List;
import java.util.function.Consumer;

/**
 * Follows the server's events with a long poll on a daemon thread and hands them to the FX thread,
 * so live views update without hammering the server. It also notices when the server goes away
 * and comes back, for the status bar.
 */
final class EventsFeed implements AutoCloseable {
    static final int WAIT_SECONDS = 20;
    private static final long RETRY_MILLIS = 2000;

    private final UiContext context;
    private final Consumer<List<EventView>> listener;
    private final Thread thread;
    private volatile boolean closed;

    EventsFeed(UiContext context, Consumer<List<EventView>> listener) {
        this.context = context;
        this.listener = listener;
        thread = new Thread(this::follow, "events-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void follow() {
        long cursor = -1;
        while (!closed) {
            try {
                if (cursor < 0) {
                    cursor = context.client().latestEventCursor();
                    context.onFxThread(context::connected);
                }
                EventPage page = context.client().events(cursor, WAIT_SECONDS);
                cursor = page.cursor();
                context.onFxThread(context::connected);
                if (!page.events().isEmpty()) {
                    context.onFxThread(() -> listener.accept(page.events()));
                }
            } catch (FotaDeskException e) {
                if (closed) {
                    return;
                }
                context.explain(e);
                if (!(e instanceof ConnectionException)) {
                    cursor = -1;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
