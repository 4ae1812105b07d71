package nl.fotadesk.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of IMEIs typed or pasted by a user (for a static group or a campaign's target), read by these rules:
 * <ul>
 * <li>Entries are separated by line breaks, commas, semicolons or white space, as copied from a spreadsheet
 *     or a CSV column; an entry wrapped in double or single quotes is unquoted.</li>
 * <li>"imei" (any case) on the first line is a header and skipped.</li>
 * <li>Each entry must be an {@link Imei}: 15 digits, the last the Luhn check digit. A bad entry is a
 *     {@link Problem} with its line (1-based) and why.</li>
 * <li>A repeated IMEI counts once, in the order of its first appearance; {@link #duplicates()} says how
 *     many repeats were dropped.</li>
 * <li>A server accepts at most {@link #MAX} IMEIs in one list; it refuses a longer one.</li>
 * </ul>
 *
 * @param imeis the valid IMEIs, each once, in order
 * @param lines the line (1-based) where each of {@code imeis} first appears, in the same order
 * @param duplicates how many entries repeated an earlier valid one
 * @param problems the bad entries, in order
 */
public record ImeiList(List<String> imeis, List<Integer> lines, int duplicates, List<Problem> problems) {
    /** The most IMEIs one list (a static group, a campaign's target) holds. */
    public static final int MAX = 100_000;

    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");

    /** Why an entry is not an IMEI. */
    public enum Reason {
        /** It holds a character that is not a digit (the argument). */
        NOT_DIGITS,
        /** It is not 15 digits long (the argument: its length). */
        LENGTH,
        /** Its last digit is not the check digit (the argument: the check digit expected). */
        CHECK_DIGIT
    }

    /** The entry {@code token} on line {@code line} (1-based) is not an IMEI, for {@code reason}. */
    public record Problem(int line, String token, Reason reason, String argument) {
    }

    public ImeiList {
        imeis = List.copyOf(imeis);
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** Reads {@code text} (null reads as empty) by the rules above. */
    public static ImeiList parse(String text) {
        Set<String> imeis = new LinkedHashSet<>();
        List<Integer> firstLines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int duplicates = 0;
        String[] lines = LINES.split(text == null ? "" : text, -1);
        for (int i = 0; i < lines.length; i++) {
            for (String raw : SEPARATORS.split(lines[i].trim())) {
                String token = unquote(raw);
                if (token.isEmpty() || i == 0 && token.toLowerCase(Locale.ROOT).equals("imei")) {
                    continue;
                }
                Problem problem = check(i + 1, token);
                if (problem != null) {
                    problems.add(problem);
                } else if (imeis.add(token)) {
                    firstLines.add(i + 1);
                } else {
                    duplicates++;
                }
            }
        }
        return new ImeiList(List.copyOf(imeis), firstLines, duplicates, problems);
    }

    /** Every 15-digit number in a file's text (a CSV export, a list...), in order: headers and other columns are skipped. */
    public static List<String> extract(String fileText) {
        List<String> found = new ArrayList<>();
        Matcher m = FIFTEEN_DIGITS.matcher(fileText);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** True when every entry is an IMEI (an empty list is valid). */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** True when there was no entry at all. */
    public boolean isEmpty() {
        return imeis.isEmpty() && problems.isEmpty();
    }

    /** The bad entries, each once, in order. */
    public List<String> invalid() {
        return problems.stream().map(Problem::token).distinct().toList();
    }

    private static String unquote(String token) {
        String t = token.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static Problem check(int line, String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return new Problem(line, token, Reason.NOT_DIGITS, String.valueOf(token.charAt(i)));
            }
        }
        if (token.length() != 15) {
            return new Problem(line, token, Reason.LENGTH, String.valueOf(token.length()));
        }
        if (!Imei.isValid(token)) {
            return new Problem(line, token, Reason.CHECK_DIGIT, String.valueOf(Imei.checkDigit(token.substring(0, 14))));
        }
        return null;
    }
}
