package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Firmware images live in the database, so every backend node can serve every image without a
 * shared filesystem: one row per distinct image (content addressed by SHA-256, shared by every
 * firmware record with those bytes), its bytes in ordered chunks. Nodes keep verified disk caches.
 *
 * <p>The one schema step that cannot be the same SQL on both databases, hence Java: the chunk column
 * is {@code BYTEA} on PostgreSQL, and {@code BLOB} on H2, whose MVStore keeps binary strings inside
 * its pages (an image of 64 MiB in a transaction made pages of tens of megabytes and failed to
 * commit) but large objects in a store of their own.
 */
public class V3__firmware_images_in_database extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().equals("H2");
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE TABLE firmware_images ("
                    + " sha256 CHAR(64) PRIMARY KEY,"
                    + " size   BIGINT   NOT NULL)");
            st.execute("CREATE TABLE firmware_chunks ("
                    + " sha256 CHAR(64) NOT NULL REFERENCES firmware_images (sha256),"
                    + " idx    INT      NOT NULL,"
                    + " data   " + (h2 ? "BLOB" : "BYTEA") + " NOT NULL,"
                    + " PRIMARY KEY (sha256, idx))");
            st.execute("CREATE INDEX firmware_sha256 ON firmware (sha256)");
        }
    }
}
