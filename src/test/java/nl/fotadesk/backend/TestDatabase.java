package nl.fotadesk.backend;

import nl.fotadesk.backend.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The databases the backend runs on; {@link OnEachDatabase} runs a test class once on each. */
public enum TestDatabase {
    /** H2 in file mode in the data folder, as the app and a single server use it. */
    H2,
    /** A new, empty database on the embedded PostgreSQL of this test JVM ({@link TestPostgres}). */
    POSTGRESQL;

    /** The file {@link Database#inFolder} keeps its H2 database in. */
    private static final String H2_FILE = "fota-desk.mv.db";
    private static Path migratedH2;

    /** A loopback backend on a free port, with a fresh database of this kind; images and keys in {@code dataDir}. */
    public BackendConfig config(Path dataDir, String apiKey) {
        return this == H2 ? BackendConfig.local(withMigratedH2(dataDir), 0, apiKey) : TestPostgres.config(dataDir, apiKey);
    }

    /** A fresh database of this kind, migrated, without a backend: for store-level tests (H2 in {@code dataDir}). */
    public Database open(Path dataDir) {
        return this == H2 ? Database.inFolder(withMigratedH2(dataDir))
                : Database.open(TestPostgres.newMigratedDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
    }

    /**
     * {@code dataDir}, holding a copy of an H2 database migrated once per test JVM unless it has a database
     * already: migrating a new one at each of the suite's backend starts costs about half a second each.
     */
    private static synchronized Path withMigratedH2(Path dataDir) {
        Path file = dataDir.resolve(H2_FILE);
        try {
            if (!Files.exists(file)) {
                if (migratedH2 == null) {
                    Path folder = Files.createTempDirectory("fota-desk-h2-migrated");
                    Database.inFolder(folder).close();
                    folder.toFile().deleteOnExit();
                    migratedH2 = folder.resolve(H2_FILE);
                    migratedH2.toFile().deleteOnExit();
                }
                Files.createDirectories(dataDir);
                Files.copy(migratedH2, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }
}
