package nl.fotadesk.ui.groups;

import nl.fotadesk.protocol.Imei;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pasted list of IMEIs: one per line, or separated by commas, semicolons or spaces (as copied from
 * a spreadsheet or a CSV column). Each is checked (15 digits, Luhn check digit); a bad one is reported
 * with its line number. Duplicates count once; a header "imei" on the first line is skipped.
 */
final class ImeiList {
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    /** Why the entry {@code token} on line {@code line} (1-based) is not an IMEI: an i18n key and its argument. */
    record Problem(int line, String token, String key, String argument) {
    }

    /** The valid IMEIs in order of first appearance, how many repeated an earlier one, and the bad entries. */
    record Result(List<String> imeis, int duplicates, List<Problem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private ImeiList() {
    }

    static Result parse(String text) {
        Set<String> imeis = new LinkedHashSet<>();
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
                } else if (!imeis.add(token)) {
                    duplicates++;
                }
            }
        }
        return new Result(List.copyOf(imeis), duplicates, List.copyOf(problems));
    }

    private static String unquote(String token) {
        String t = token.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static Problem check(int line, String token) {
        int bad = -1;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                bad = i;
                break;
            }
        }
        if (bad >= 0) {
            return new Problem(line, token, "groups.imei.notDigits", String.valueOf(token.charAt(bad)));
        }
        if (token.length() != 15) {
            return new Problem(line, token, "groups.imei.length", String.valueOf(token.length()));
        }
        if (!Imei.isValid(token)) {
            return new Problem(line, token, "groups.imei.checkDigit", String.valueOf(Imei.checkDigit(token.substring(0, 14))));
        }
        return null;
    }
}
