package nl.fotadesk.backend.api;

import nl.fotadesk.backend.store.Jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a backend stores, read behind its back: every row of every table of its database (so
 * requests, audit lines and rehearsal forecasts too, not only what the API shows) and every file of its
 * data folder but the H2 database's own. {@link #assertRefusalChangedNothing} is the rule for a refused
 * request: nothing changes, except that it may add one audit line recording the refusal itself (a failed
 * sign-in), and a {@code 416} from the file server counts as a request of its download
 * (docs/protocol.md §7.13): its request count goes up, and a device told of the download ({@code notified})
 * is then {@code downloading}, as after any counted request.
 */
record StoredState(Map<String, List<String>> tables, List<String> files) {
    private static final String AUDIT = "audit_log";
    private static final String DOWNLOADS = "downloads";
    private static final String DEVICES = "devices";
    /**
     * Part leases move on their own (renewed, given back when idle, every 0.5 s); so does the part journal
     * in the data folder. What they count is compared in the downloads' counts.
     */
    private static final Set<String> LEASES = Set.of("part_leases", "part_journals");
    private static final String JOURNAL_FOLDER = "parts";
    /** A download's parts leased to nodes: moves with the leases. */
    private static final String LEASED = "leased";

    static StoredState read(Jdbc db, Path dataDir) {
        try (Connection c = db.openConnection(); Statement st = c.createStatement()) {
            Map<String, List<String>> tables = new TreeMap<>();
            for (String table : tableNames(c)) {
                if (LEASES.contains(table.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    String[] columns = columns(rs.getMetaData());
                    while (rs.next()) {
                        rows.add(row(rs, columns));
                    }
                }
                rows.sort(null);
                tables.put(table.toLowerCase(Locale.ROOT), rows);
            }
            return new StoredState(tables, files(dataDir));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stored data", e);
        }
    }

    /** {@code after} is what {@code request} left; it was refused with {@code status}. */
    static void assertRefusalChangedNothing(StoredState before, StoredState after, String request, int status) {
        assertThat(after.files).as("data folder after the refused " + request).isEqualTo(before.files);
        for (String table : before.tables.keySet()) {
            List<String> was = before.tables.get(table);
            List<String> now = after.tables.get(table);
            String what = table + " after the refused " + request;
            if (table.equals(AUDIT)) {
                // counted, not searched: the audit trail grows with every accepted request of a long run
                Map<String, Integer> added = new HashMap<>();
                now.forEach(line -> added.merge(line, 1, Integer::sum));
                List<String> missing = new ArrayList<>();
                for (String line : was) {
                    if (added.merge(line, -1, Integer::sum) < 0) {
                        missing.add(line);
                    }
                }
                added.values().removeIf(count -> count <= 0);
                assertThat(missing).as(what + ": no line changed or removed").isEmpty();
                assertThat(added.keySet()).as(what + ": at most one line, recording the refusal")
                        .allMatch(line -> line.contains("outcome=refused"));
                assertThat(added.values().stream().mapToInt(Integer::intValue).sum()).as(what + ": at most one line")
                        .isLessThanOrEqualTo(1);
            } else if (table.equals(DOWNLOADS) && status == 416) {
                assertThat(withoutRequestCounts(now)).as(what + ": only a request count moves")
                        .isEqualTo(withoutRequestCounts(was));
            } else if (table.equals(DEVICES) && status == 416) {
                assertThat(downloading(now)).as(what + ": a notified device may be downloading")
                        .isEqualTo(downloading(was));
            } else {
                assertThat(now).as(what).isEqualTo(was);
            }
        }
        assertThat(after.tables.keySet()).isEqualTo(before.tables.keySet());
    }

    /** The sum of the downloads' request counts: a counted request adds one. */
    long requestsCounted() {
        return tables.get(DOWNLOADS).stream().mapToLong(row -> Long.parseLong(field(row, "request_count"))).sum();
    }

    private static List<String> downloading(List<String> rows) {
        return rows.stream().map(row -> row.replace("|status=notified|", "|status=downloading|")).toList();
    }

    private static List<String> withoutRequestCounts(List<String> rows) {
        return rows.stream().map(row -> row.replaceAll("request_count=[^|]*", "request_count=?")).sorted().toList();
    }

    private static String field(String row, String column) {
        for (String part : row.split("\\|")) {
            if (part.startsWith(column + "=")) {
                return part.substring(column.length() + 1);
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + row);
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
                if (type.contains("TABLE") && !type.contains("SYSTEM") && !type.contains("TEMPORARY")) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    /** The result's column names, as rows show them; null for a column left out (a lease's moving {@code leased}). */
    private static String[] columns(ResultSetMetaData meta) throws SQLException {
        String[] columns = new String[meta.getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            String name = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
            columns[i] = name.equals(LEASED) ? null : name;
        }
        return columns;
    }

    /** One row as {@code column=value|...}, binary values by length and digest. */
    private static String row(ResultSet rs, String[] columns) throws SQLException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                continue;
            }
            Object value = rs.getObject(i + 1);
            if (value instanceof Blob blob) {
                value = blob.getBytes(1, (int) blob.length());
            } else if (value instanceof Clob clob) {
                value = clob.getSubString(1, (int) clob.length());
            }
            s.append(s.isEmpty() ? "" : "|").append(columns[i]).append('=')
                    .append(value instanceof byte[] bytes ? bytes.length + " bytes " + sha256(bytes) : value);
        }
        return s.toString();
    }

    private static List<String> files(Path dataDir) {
        try (Stream<Path> all = Files.walk(dataDir)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("fota-desk."))
                    .filter(p -> !dataDir.relativize(p).startsWith(JOURNAL_FOLDER))
                    .map(p -> {
                        try {
                            return dataDir.relativize(p) + " " + Files.size(p);
                        } catch (IOException e) {
                            return dataDir.relativize(p) + " (gone)";
                        }
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
