package nl.fotadesk.backend.api;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;

import java.nio.file.Path;

/**
 * The hostile input of {@link BadInputProperties} on PostgreSQL, which refuses some text H2 stores
 * (U+0000) and counts text lengths differently (code points, not UTF-16 units).
 */
class BadInputPostgresProperties extends BadInputProperties {
    @Override
    BackendConfig config(Path dataDir) {
        return TestPostgres.config(dataDir, TestBackend.API_KEY);
    }
}
