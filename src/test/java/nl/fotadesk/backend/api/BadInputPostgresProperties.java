package nl.fotadesk.backend.api;

import nl.fotadesk.backend.TestDatabase;

/**
 * The hostile input of {@link BadInputProperties} on PostgreSQL, which refuses some text H2 stores
 * (U+0000) and counts text lengths differently (code points, not UTF-16 units).
 */
class BadInputPostgresProperties extends BadInputProperties {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
