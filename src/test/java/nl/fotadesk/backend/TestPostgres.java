package nl.fotadesk.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (binaries from a Maven artifact), started once per test JVM on a free
 * port; each caller gets a fresh, empty database on it.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database (user {@link #USER}, no password). */
    public static synchronized String newDatabase() {
        String name = "fota_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /** Drops the database of {@code jdbcUrl} (one of {@link #newDatabase()}) once nothing uses it any more. */
    public static synchronized void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    /** A backend configuration on a new PostgreSQL database, with its H2-free data folder for images and keys. */
    public static BackendConfig config(java.nio.file.Path dataDir, String apiKey) {
        BackendConfig local = BackendConfig.local(dataDir, 0, apiKey);
        return new BackendConfig(local.host(), local.port(), local.dataDir(), local.apiKey(), local.publicUrl(),
                local.maxFirmwareSize(), newDatabase(), USER, PASSWORD, local.engineTick());
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Durability against a crash of this machine is no concern of a test database:
                // without flushing to disk, creating a database per test costs milliseconds.
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server's folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
