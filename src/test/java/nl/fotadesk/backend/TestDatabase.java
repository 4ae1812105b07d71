package nl.fotadesk.backend;

import nl.fotadesk.backend.store.Database;

import java.nio.file.Path;

/** The databases the backend runs on; {@link OnEachDatabase} runs a test class once on each. */
public enum TestDatabase {
    /** H2 in file mode in the data folder, as the app and a single server use it. */
    H2,
    /** A new, empty database on the embedded PostgreSQL of this test JVM ({@link TestPostgres}). */
    POSTGRESQL;

    /** A loopback backend on a free port, with a fresh database of this kind; images and keys in {@code dataDir}. */
    public BackendConfig config(Path dataDir, String apiKey) {
        return this == H2 ? BackendConfig.local(dataDir, 0, apiKey) : TestPostgres.config(dataDir, apiKey);
    }

    /** A fresh database of this kind, migrated, without a backend: for store-level tests (H2 in {@code dataDir}). */
    public Database open(Path dataDir) {
        return this == H2 ? Database.inFolder(dataDir)
                : Database.open(TestPostgres.newMigratedDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
