package nl.fotadesk.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.time.Duration;

/** The connection pool, migrated to the latest schema on open. */
public final class Database implements AutoCloseable {
    /**
     * Connections to a PostgreSQL server per node, one of them the event listener's. The server's
     * cores are unknown here and several nodes share its {@code max_connections} (100 by default):
     * three nodes take 30, leaving room for more nodes, maintenance and an operator's psql.
     */
    static final int SERVER_POOL_SIZE = 10;
    /** How long a request waits for a free connection before it fails, rather than piling up. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection may take to prove it still works ({@link java.sql.Connection#isValid}). */
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(3);
    /** Idle connections to a server are pinged this often, so firewalls and NAT do not cut them silently. */
    private static final Duration SERVER_KEEPALIVE = Duration.ofMinutes(2);
    /** Server connections are renewed after this, below the idle limits of common proxies and firewalls. */
    private static final Duration SERVER_MAX_LIFETIME = Duration.ofMinutes(30);

    private final HikariDataSource dataSource;
    private final Jdbc jdbc;

    private Database(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("fota-desk");
        // A fixed-size pool (HikariCP's advice); the code relies on READ COMMITTED, the default of both databases.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            // In-process: a connection is cheap and never goes stale, and work beyond about two
            // statements per core only queues inside H2's own locks.
            config.setMaximumPoolSize(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
            config.setMaxLifetime(0);
        } else {
            config.setMaximumPoolSize(SERVER_POOL_SIZE);
            config.setKeepaliveTime(SERVER_KEEPALIVE.toMillis());
            config.setMaxLifetime(SERVER_MAX_LIFETIME.toMillis());
            // Shown in pg_stat_activity; a value in the JDBC URL wins.
            config.addDataSourceProperty("ApplicationName", "fota-desk");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
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
