package nl.fotadesk.backend.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Thin JDBC helper: parameter binding, row mapping and transactions. Inside {@link #inTransaction}
 * every call on the same thread uses the transaction's connection, so repositories compose.
 */
public final class Jdbc {
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The open transaction of a thread: its connection, what runs at its end, what is bound to it. */
    private static final class Transaction {
        final Connection connection;
        final List<Runnable> beforeCommit = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final Map<Object, Object> bound = new HashMap<>();

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final boolean postgres;
    private final ThreadLocal<Transaction> transaction = new ThreadLocal<>();

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Whether the database is PostgreSQL (else H2): for the few things that are not portable SQL. */
    public boolean isPostgres() {
        return postgres;
    }

    /** A connection of its own, outside any transaction, for a long-lived listener; the caller closes it. */
    public Connection openConnection() throws SQLException {
        return dataSource.getConnection();
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        });
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement st = prepare(c, sql, params)) {
                return st.executeUpdate();
            }
        });
    }

    /** Runs one statement for each row of parameters, as one batch. */
    public void batch(String sql, List<Object[]> rows) {
        withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(st, row);
                    st.addBatch();
                }
                return st.executeBatch();
            }
        });
    }

    /** Runs {@code work} in one transaction: all or nothing. Nested calls join the outer one. */
    public <T> T inTransaction(Supplier<T> work) {
        if (transaction.get() != null) {
            return work.get();
        }
        T result;
        Transaction tx;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            tx = new Transaction(c);
            transaction.set(tx);
            try {
                result = work.get();
                // a hook may add another (work done at commit time can itself ask for more)
                for (int i = 0; i < tx.beforeCommit.size(); i++) {
                    tx.beforeCommit.get(i).run();
                }
                c.commit();
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                transaction.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        tx.afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * The value bound to {@code key} in the current transaction, created by {@code create} on first
     * use; {@code atCommit} runs with it inside the transaction just before it commits. Work that must
     * happen last and in commit order (such as numbering events) collects itself here.
     */
    @SuppressWarnings("unchecked")
    public <T> T boundToTransaction(Object key, Supplier<T> create, Consumer<T> atCommit) {
        Transaction tx = transaction.get();
        if (tx == null) {
            throw new IllegalStateException("not inside a transaction");
        }
        return (T) tx.bound.computeIfAbsent(key, k -> {
            T value = create.get();
            tx.beforeCommit.add(() -> atCommit.accept(value));
            return value;
        });
    }

    /**
     * Runs {@code action} once the current transaction has committed (at once outside one): for
     * in-memory state that must follow the database, never run ahead of it.
     */
    public void afterCommit(Runnable action) {
        Transaction tx = transaction.get();
        if (tx == null) {
            action.run();
        } else {
            tx.afterCommit.add(action);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try {
            Transaction tx = transaction.get();
            if (tx != null) {
                return work.apply(tx.connection);
            }
            try (Connection c = dataSource.getConnection()) {
                return work.apply(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        bind(st, params);
        return st;
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            // Microseconds: what both H2 and PostgreSQL keep, so a time read back equals the one written.
            st.setObject(i + 1, p instanceof Instant t
                    ? OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC) : p);
        }
    }
}
