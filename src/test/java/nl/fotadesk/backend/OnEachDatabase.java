package nl.fotadesk.backend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test class extending this runs all its tests once on H2 and once on PostgreSQL, with the
 * database in each run's display name. Build its backend with {@code database.config(dir, key)}
 * (or {@link TestBackend#TestBackend(TestDatabase, java.nio.file.Path)}) so that it runs on {@link #database}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
public abstract class OnEachDatabase {
    @Parameter
    protected TestDatabase database;

    /** Runs after the test class's own {@code @AfterEach}, once its backends are closed. */
    @AfterEach
    void dropUnusedTestDatabases() {
        if (database == TestDatabase.POSTGRESQL) {
            TestPostgres.dropUnusedDatabases();
        }
    }
}
