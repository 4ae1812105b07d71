package nl.fotadesk.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Exports as CSV that spreadsheets open as they are: UTF-8 with a byte order mark (so Excel reads
 * accents right), a header line, commas, fields quoted when they need it, CRLF line ends. The file
 * text that a spreadsheet would take for a formula is quoted with an apostrophe. The file
 * appears whole or not at all: it is written beside the target and moved over it.
 */
public final class CsvFile {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFile() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".export-", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(temp);
                 Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                out.write(BOM);
                w.write(line(header));
                for (List<String> row : rows) {
                    w.write(line(row));
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One record with its line end. */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value; // a spreadsheet would run it as a formula
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
