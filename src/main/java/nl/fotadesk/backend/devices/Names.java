package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.http.HttpError;

import java.util.regex.Pattern;

/** Checks of the names and versions operators type, with messages that say what is expected. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    private Names() {
    }

    public static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw HttpError.badRequest("invalid_" + snake(field), field + " must be 1 to 64 letters, digits,"
                    + " spaces, '.', '_' or '-', starting with a letter or digit; got " + quoted(value));
        }
        return value;
    }

    public static String version(String field, String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
            throw HttpError.badRequest("invalid_" + snake(field), field + " must be 1 to 64 of [0-9A-Za-z.+_-],"
                    + " starting with a letter or digit; got " + quoted(value));
        }
        return value;
    }

    static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
