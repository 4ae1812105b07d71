package nl.fotadesk.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one order of firmware versions, as semantic versioning reads them and as people expect where
 * versions are not semantic:
 * <ol>
 *   <li>what follows the first {@code +} is build metadata and only breaks ties;</li>
 *   <li>what follows the first {@code -} is a pre-release, which comes before the release itself
 *       ({@code 1.0-rc1} before {@code 1.0});</li>
 *   <li>each part is split into identifiers at {@code .}, {@code -}, {@code _} and where digits meet
 *       letters ({@code 1.2a} is 1, 2, a); numbers compare as numbers of any length ({@code 1.9} before
 *       {@code 1.10}), a number before letters, letters without regard to case ({@code rc1} before
 *       {@code RC2}); when one list of identifiers is the start of the other, the shorter comes first.</li>
 * </ol>
 * Versions equal by these rules are ordered by their text, so the order is total.
 */
public final class FirmwareVersions {
    /** Oldest first; null before any version. */
    public static final Comparator<String> ORDER = Comparator.nullsFirst(FirmwareVersions::compare);

    private FirmwareVersions() {
    }

    public static int compare(String a, String b) {
        Parts x = Parts.of(a);
        Parts y = Parts.of(b);
        int c = compareIdentifiers(x.release, y.release);
        if (c != 0) {
            return c;
        }
        if (x.preRelease.isEmpty() != y.preRelease.isEmpty()) {
            return x.preRelease.isEmpty() ? 1 : -1;
        }
        c = compareIdentifiers(x.preRelease, y.preRelease);
        if (c == 0) {
            c = compareIdentifiers(x.build, y.build);
        }
        return c != 0 ? c : a.compareTo(b);
    }

    private record Parts(List<String> release, List<String> preRelease, List<String> build) {
        static Parts of(String version) {
            int plus = version.indexOf('+');
            String main = plus < 0 ? version : version.substring(0, plus);
            String build = plus < 0 ? "" : version.substring(plus + 1);
            int dash = main.indexOf('-');
            return new Parts(identifiers(dash < 0 ? main : main.substring(0, dash)),
                    identifiers(dash < 0 ? "" : main.substring(dash + 1)), identifiers(build));
        }
    }

    private static List<String> identifiers(String part) {
        List<String> ids = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= part.length(); i++) {
            boolean boundary = i == part.length() || !Character.isLetterOrDigit(part.charAt(i))
                    || (start >= 0 && Character.isDigit(part.charAt(i)) != Character.isDigit(part.charAt(start)));
            if (boundary && start >= 0) {
                ids.add(part.substring(start, i));
                start = -1;
            }
            if (i < part.length() && Character.isLetterOrDigit(part.charAt(i)) && start < 0) {
                start = i;
            }
        }
        return ids;
    }

    private static int compareIdentifiers(List<String> x, List<String> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = compareIdentifier(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int compareIdentifier(String x, String y) {
        boolean xNumber = Character.isDigit(x.charAt(0));
        boolean yNumber = Character.isDigit(y.charAt(0));
        if (xNumber && yNumber) {
            String p = stripZeros(x);
            String q = stripZeros(y);
            return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
        }
        if (xNumber != yNumber) {
            return xNumber ? -1 : 1;
        }
        return x.compareToIgnoreCase(y);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
