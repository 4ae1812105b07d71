package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.NewDevice;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports devices from CSV with a header line naming the columns {@code imei}, {@code deviceType},
 * {@code client} and optionally {@code secret} and {@code firmware} (any order and case). Good lines are
 * registered, bad ones reported with their line number; a dry run only checks. The file is UTF-8, with
 * or without the byte-order mark spreadsheet programs write; anything else is refused, not guessed at.
 */
public final class DeviceImport {
    private static final Set<String> REQUIRED = Set.of("imei", "devicetype", "client");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final DeviceService devices;

    public DeviceImport(DeviceService devices) {
        this.devices = devices;
    }

    public ImportReport importCsv(Principal actor, InputStream body, boolean dryRun) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<NewDevice> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        try (CSVParser parser = open(format, body)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            try {
                for (CSVRecord r : parser) {
                    int line = (int) r.getParser().getCurrentLineNumber();
                    if (rows.size() + errors.size() >= Limits.IMEI_LIST) {
                        throw new Invalid("too_many_lines", "an import holds at most " + Limits.IMEI_LIST + " devices");
                    }
                    if (!r.isConsistent()) {
                        errors.add(new ItemError(line, r.isMapped(columns.get("imei")) ? r.get(columns.get("imei")) : null,
                                "invalid_line", "line " + line + " has " + r.size() + " columns, the header has "
                                + parser.getHeaderNames().size()));
                        continue;
                    }
                    rows.add(new NewDevice(value(r, columns, "imei"), value(r, columns, "devicetype"),
                            value(r, columns, "client"), value(r, columns, "secret"), value(r, columns, "firmware")));
                    lines.add(line);
                }
            } catch (UncheckedIOException e) {
                throw invalid(e.getCause());
            }
        }
        return devices.registerValid(actor, rows, lines, errors, dryRun);
    }

    /** A parser past the header line; a UTF-8 byte-order mark (as spreadsheet programs write) is skipped. */
    private static CSVParser open(CSVFormat format, InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, BOM.length);
        byte[] start = in.readNBytes(BOM.length);
        if (start.length >= 2 && (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF
                || start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)) {
            throw new Invalid("invalid_csv", "the file is UTF-16 (it starts with a UTF-16 byte-order mark);"
                    + " save it as CSV UTF-8");
        }
        if (!Arrays.equals(start, BOM)) {
            in.unread(start);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return format.parse(new InputStreamReader(in, utf8));
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            throw invalid(e instanceof UncheckedIOException u ? u.getCause() : e);
        }
    }

    private static Invalid invalid(Throwable cause) {
        return new Invalid("invalid_csv", cause instanceof CharacterCodingException
                ? "the file is not UTF-8 text; save it as CSV UTF-8"
                : "the file is not valid CSV: " + cause.getMessage());
    }

    /** Header name (lower case) → the name as written. */
    private static Map<String, String> columns(List<String> header) {
        Map<String, String> columns = new TreeMap<>();
        for (String h : header) {
            columns.put(h.trim().toLowerCase(Locale.ROOT), h);
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            throw new Invalid("invalid_csv", "the first line must name the columns imei, deviceType, client"
                    + " (and optionally secret, firmware); it names " + header);
        }
        return columns;
    }

    private static String value(CSVRecord r, Map<String, String> columns, String key) {
        String column = columns.get(key);
        if (column == null) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
