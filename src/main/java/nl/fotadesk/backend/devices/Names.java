package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;

import java.util.regex.Pattern;

/** Checks of the names and versions operators type, with messages that say what is expected. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0," + (Limits.NAME - 1) + "}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0," + (Limits.VERSION - 1) + "}");

    private Names() {
    }

    public static String name(String field, String value) {
        if (value == null || Limits.textProblem(value, Limits.NAME) != null || !NAME.matcher(value).matches()) {
            throw Invalid.field(field, field + " must be 1 to " + Limits.NAME + " letters, digits, spaces, '.', '_'"
                    + " or '-' (up to U+FFFF), starting with a letter or digit; got " + Limits.quoted(value));
        }
        return value;
    }

    public static String version(String field, String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
            throw Invalid.field(field, field + " must be 1 to " + Limits.VERSION + " of [0-9A-Za-z.+_-],"
                    + " starting with a letter or digit; got " + Limits.quoted(value));
        }
        return value;
    }
}
