package nl.fotadesk.protocol;

/** Formatting for error messages that echo untrusted input back to a client or into a log. */
final class Messages {
    /** Long enough for any valid name or header, short enough to keep an error answer small. */
    private static final int MAX_SHOWN = 80;

    private Messages() {
    }

    /**
     * The text in double quotes, with quotes, backslashes and control characters escaped (so a
     * message cannot forge log lines) and cut after {@value #MAX_SHOWN} characters.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
        int shown = Math.min(s.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (shown < s.length()) {
            b.append("...");
        }
        return b.append('"').toString();
    }

    /** A number as a person writes it: {@code 5} rather than {@code 5.0}. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
