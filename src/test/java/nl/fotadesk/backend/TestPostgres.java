package nl.fotadesk.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.fotadesk.backend.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (binaries from a Maven artifact), started once per test JVM on a free
 * port; each caller gets a fresh database on it: empty, or with the schema already migrated.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    private static final String OBJECT_IN_USE = "55006";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static String migratedTemplate;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database (user {@link #USER}, no password). */
    public static synchronized String newDatabase() {
        return create("template1");
    }

    /**
     * The JDBC URL of a new database with every migration applied: a copy of one migrated at the
     * first call, so that each test does not pay for running the migrations again.
     */
    public static synchronized String newMigratedDatabase() {
        if (migratedTemplate == null) {
            String url = newDatabase();
            Database.open(url, USER, PASSWORD).close();
            migratedTemplate = name(url);
        }
        return create(migratedTemplate);
    }

    private static String create(String template) {
        String name = "fota_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    private static String name(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    /**
     * Drops the database of {@code jdbcUrl} (one of {@link #newDatabase()}) unless something still
     * uses it, such as another node of a test cluster: the last one to leave drops it.
     */
    public static synchronized void dropDatabase(String jdbcUrl) {
        String name = name(jdbcUrl);
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                throw new IllegalStateException("could not drop test database " + name, e);
            }
        }
    }

    /** A backend configuration on a new, migrated PostgreSQL database, with its data folder for images and keys. */
    public static BackendConfig config(java.nio.file.Path dataDir, String apiKey) {
        BackendConfig local = BackendConfig.local(dataDir, 0, apiKey);
        return new BackendConfig(local.host(), local.port(), local.dataDir(), local.apiKey(), local.publicUrl(),
                local.maxFirmwareSize(), newMigratedDatabase(), USER, PASSWORD, local.engineTick());
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
