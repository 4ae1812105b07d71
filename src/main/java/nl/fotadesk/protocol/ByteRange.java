package nl.fotadesk.protocol;

import java.util.Optional;

/** One satisfiable byte range of a file, both ends inclusive ({@code bytes=0-99} is the first 100 bytes). */
public record ByteRange(long first, long last) {
    private static final String UNIT = "bytes";

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a 206 answer. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The {@code Content-Range} value of a 416 answer. */
    public static String unsatisfiedContentRange(long size) {
        return "bytes */" + size;
    }

    /**
     * The range a {@code Range} header asks for in a file of {@code size} bytes (RFC 9110 §14).
     * Empty when the header is to be ignored and the whole file served: no header, a unit other
     * than bytes, or several ranges (devices cannot parse a multipart answer).
     *
     * @throws ByteRangeException when the header is malformed or not satisfiable (answer 416)
     */
    public static Optional<ByteRange> resolve(String rangeHeader, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("file size " + size + " is negative");
        }
        if (rangeHeader == null || rangeHeader.isBlank()) {
            return Optional.empty();
        }
        String header = rangeHeader.strip();
        int eq = header.indexOf('=');
        if (eq < 0) {
            if (header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
                throw error(rangeHeader, "missing '=' after bytes");
            }
            return Optional.empty();
        }
        if (!header.substring(0, eq).strip().equalsIgnoreCase(UNIT)) {
            return Optional.empty();
        }
        String spec = header.substring(eq + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return Optional.empty();
        }
        if (spec.isEmpty()) {
            throw error(rangeHeader, "no range after bytes=");
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw error(rangeHeader, "missing '-' in the range");
        }
        if (dash == 0) {
            long suffix = position(spec.substring(1), rangeHeader);
            if (suffix == 0) {
                throw error(rangeHeader, "the suffix length is 0");
            }
            requireNonEmpty(size, rangeHeader);
            // A suffix at least as long as the file asks for the whole file.
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = position(spec.substring(0, dash), rangeHeader);
        String lastText = spec.substring(dash + 1);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : position(lastText, rangeHeader);
        if (last < first) {
            throw error(rangeHeader, "the last byte " + last + " is before the first byte " + first);
        }
        requireNonEmpty(size, rangeHeader);
        if (first >= size) {
            throw error(rangeHeader, "the first byte " + first + " is not below the file size " + size);
        }
        // A device's last part usually overshoots the end; RFC 9110 has it served up to the end.
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    private static void requireNonEmpty(long size, String header) {
        if (size == 0) {
            throw error(header, "the file is empty, so no range of it exists");
        }
    }

    /**
     * A byte position: one or more decimal digits, no sign. A number beyond {@link Long#MAX_VALUE} is
     * past the end of any file and counts as {@code Long.MAX_VALUE} (RFC 9110 §14.1.1 allows any length).
     */
    private static long position(String digits, String header) {
        if (digits.isEmpty()) {
            throw error(header, "a byte position is missing");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw error(header, Messages.quote(digits) + " is not a byte position");
            }
            value = value > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : value * 10 + d;
        }
        return value;
    }

    private static ByteRangeException error(String header, String problem) {
        return new ByteRangeException("Range " + Messages.quote(header) + ": " + problem);
    }
}
