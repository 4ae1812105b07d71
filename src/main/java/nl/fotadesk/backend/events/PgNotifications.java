package nl.fotadesk.backend.events;

import nl.fotadesk.backend.store.Jdbc;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Listens on a PostgreSQL channel ({@code LISTEN}) on a connection of its own and runs
 * {@code onNotify} for each notification, so every node hears of what another node committed.
 * Reconnects after a lost connection; a missed notification only delays an answer until the next
 * regular check.
 */
final class PgNotifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
    private static final int POLL_MS = 100; // also how long closing waits for the listener
    private static final long RETRY_MS = 2_000;

    private final Jdbc jdbc;
    private final String channel;
    private final Runnable onNotify;
    private final Thread thread;
    private volatile boolean running = true;

    PgNotifications(Jdbc jdbc, String channel, Runnable onNotify) {
        this.jdbc = jdbc;
        this.channel = channel;
        this.onNotify = onNotify;
        thread = new Thread(this::run, "pg-notifications-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection c = jdbc.openConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(POLL_MS);
                    if (received != null && received.length > 0) {
                        onNotify.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Lost the notification channel {}; listening again in {} ms", channel, RETRY_MS, e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2 * POLL_MS); // give its connection back before the pool closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
