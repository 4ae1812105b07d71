package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.Imei;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMEIs pasted by a user (one per line, or separated by commas, semicolons or spaces) or read from a
 * file (a CSV export, a list...): the valid ones once each in their order, and what is not an IMEI.
 */
record ImeiList(List<String> valid, List<String> invalid, int duplicates) {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");

    static ImeiList parse(String text) {
        Set<String> valid = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        int duplicates = 0;
        if (text != null) {
            for (String token : SEPARATORS.split(text.trim())) {
                String t = token.replace("\"", "").replace("'", "").trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!Imei.isValid(t)) {
                    invalid.add(t);
                } else if (!valid.add(t)) {
                    duplicates++;
                }
            }
        }
        return new ImeiList(List.copyOf(valid), List.copyOf(invalid), duplicates);
    }

    /** Every 15-digit number in a file's text, in order: headers and other columns are skipped. */
    static List<String> extract(String fileText) {
        List<String> found = new ArrayList<>();
        Matcher m = FIFTEEN_DIGITS.matcher(fileText);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    boolean isEmpty() {
        return valid.isEmpty() && invalid.isEmpty();
    }
}
