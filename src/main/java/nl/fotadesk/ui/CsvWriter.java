package nl.fotadesk.ui;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets open it (RFC 4180): UTF-8 with a byte order mark (without it Excel reads the
 * file in the computer's old code page and garbles é and ü), fields separated as a spreadsheet in the
 * app's language expects them (a semicolon where the decimal separator is a comma, as in Dutch; else
 * a comma), quoted when they hold the separator, a quote or a line break, lines ended by CRLF. A text that a spreadsheet would take for a formula
 * (starting with =, +, - or @, and not a plain number such as -42.5) gets a leading apostrophe, so
 * opening an export runs nothing. The one CSV writer of every export in the app.
 */
public final class CsvWriter implements Closeable {
    public static final char BOM = '\uFEFF';
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    private final Writer out;
    private final char separator;

    /** @param language the app's language, which decides the separator ({@link #separator}) */
    public CsvWriter(OutputStream stream, Locale language) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        separator = separator(language);
        out.write(BOM);
    }

    /** The field separator Excel expects in this language: ';' where numbers are written 1,5; else ','. */
    public static char separator(Locale language) {
        return DecimalFormatSymbols.getInstance(language).getDecimalSeparator() == ',' ? ';' : ',';
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    private String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches() ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == separator || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
