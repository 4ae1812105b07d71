package nl.fotadesk.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a name (of a client or device type) and a firmware version may be, as the server accepts them,
 * so that a user interface can say what is wrong while the user types:
 * <ul>
 * <li>a name: 1 to {@value #MAX_LENGTH} letters, digits, spaces, '.', '_' or '-', starting with a letter or digit;</li>
 * <li>a version: 1 to {@value #MAX_LENGTH} of {@code [0-9A-Za-z.+_-]}, starting with a letter or digit.</li>
 * </ul>
 */
public final class NameRules {
    public static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern NAME_CHAR = Pattern.compile("[\\p{L}\\p{N} ._-]");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern VERSION_CHAR = Pattern.compile("[0-9A-Za-z.+_-]");

    private NameRules() {
    }

    public static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches();
    }

    public static boolean isVersion(String s) {
        return s != null && VERSION.matcher(s).matches();
    }

    /** The first character of {@code s} no name may hold, if any. */
    public static Optional<String> firstBadNameChar(String s) {
        return firstBad(s, NAME_CHAR);
    }

    /** The first character of {@code s} no version may hold, if any. */
    public static Optional<String> firstBadVersionChar(String s) {
        return firstBad(s, VERSION_CHAR);
    }

    private static Optional<String> firstBad(String s, Pattern allowed) {
        return s.codePoints().mapToObj(Character::toString).filter(c -> !allowed.matcher(c).matches()).findFirst();
    }
}
