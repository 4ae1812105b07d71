package nl.fotadesk.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;

/** The connection pool, migrated to the latest schema on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbc jdbc;

    private Database(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("fota-desk");
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new Jdbc(dataSource);
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return new Database(jdbcUrl, user, password);
    }

    /**
     * An H2 database in file mode inside the data folder. {@code WRITE_DELAY=0} makes every commit
     * write its changes to the file before it returns (H2's default keeps them in memory for up to
     * 500 ms, lost on a kill); H2 does not fsync them, so they survive a killed process, not a power
     * loss (docs/durability.md).
     */
    public static Database inFolder(Path dataDir) {
        return open("jdbc:h2:" + dataDir.resolve("fota-desk").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
