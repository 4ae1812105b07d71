package nl.fotadesk.ui.firmware;

import nl.fotadesk.protocol.NameRules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a typed device type name or firmware version (by {@link NameRules}, as the user
 * types), and a guess of both from an image's file name.
 */
final class FirmwareNames {
    static final int MAX_LENGTH = NameRules.MAX_LENGTH;
    private static final Pattern IMAGE_EXTENSION = Pattern.compile(
            "(?i)\\.(bin|hex|img|fw|dfu|ota|zip|gz|tar|elf|srec|s19|uf2|signed|enc)$");
    private static final Pattern TRAILING_VERSION = Pattern.compile(
            "(?:^|[-_ ])[vV]?(\\d+(?:\\.\\d+)+(?:[-+_][0-9A-Za-z.+_-]*)?)$");
    private static final Pattern V_PREFIX = Pattern.compile("[vV]\\d.*");
    private static final Pattern SEPARATOR = Pattern.compile("[-_ ]");

    /** What is wrong with a typed value: an i18n key (under {@code firmware.}) and its argument. */
    record Problem(String key, String argument) {
    }

    /** A device type and version guessed from a file name; either may be null. */
    record Guess(String deviceType, String version) {
    }

    private FirmwareNames() {
    }

    static Optional<Problem> versionProblem(String version) {
        if (version == null || version.isEmpty()) {
            return Optional.of(new Problem("firmware.version.missing", null));
        }
        if (version.length() > MAX_LENGTH) {
            return Optional.of(new Problem("firmware.version.tooLong", String.valueOf(MAX_LENGTH)));
        }
        Optional<String> bad = shown(NameRules.firstBadVersionChar(version));
        if (bad.isPresent()) {
            return Optional.of(new Problem("firmware.version.badChar", bad.get()));
        }
        if (!NameRules.isVersion(version)) {
            return Optional.of(new Problem("firmware.version.badStart", version.substring(0, 1)));
        }
        return Optional.empty();
    }

    /** A remark on a valid version that is probably not meant so: "v1.2" where versions go without the "v". */
    static Optional<Problem> versionHint(String version) {
        if (version != null && V_PREFIX.matcher(version).matches()) {
            return Optional.of(new Problem("firmware.version.vPrefix", version.substring(1)));
        }
        return Optional.empty();
    }

    static Optional<Problem> deviceTypeProblem(String type) {
        if (type == null || type.isEmpty()) {
            return Optional.of(new Problem("firmware.type.missing", null));
        }
        if (type.length() > MAX_LENGTH) {
            return Optional.of(new Problem("firmware.type.tooLong", String.valueOf(MAX_LENGTH)));
        }
        Optional<String> bad = shown(NameRules.firstBadNameChar(type));
        if (bad.isPresent()) {
            return Optional.of(new Problem("firmware.type.badChar", bad.get()));
        }
        if (!NameRules.isName(type)) {
            return Optional.of(new Problem("firmware.type.badStart", type.substring(0, 1)));
        }
        return Optional.empty();
    }

    /** A bad character as the user sees it: a space as "\u2423". */
    private static Optional<String> shown(Optional<String> bad) {
        return bad.map(c -> c.equals(" ") ? "\u2423" : c);
    }

    /**
     * Reads a device type (one of {@code knownTypes}) and a version from names like
     * {@code tracker-x-1.3.0.bin} or {@code meter-y_v2.2.0-rc1.hex}.
     */
    static Guess guess(String fileName, Collection<String> knownTypes) {
        String base = fileName == null ? "" : fileName.trim();
        for (Matcher m = IMAGE_EXTENSION.matcher(base); m.find(); m = IMAGE_EXTENSION.matcher(base)) {
            base = base.substring(0, m.start());
        }
        String lower = base.toLowerCase(Locale.ROOT);
        String type = knownTypes.stream()
                .filter(t -> lower.startsWith(t.toLowerCase(Locale.ROOT)) && (lower.length() == t.length()
                        || SEPARATOR.matcher(lower.substring(t.length(), t.length() + 1)).matches()))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        String version = null;
        if (type != null && base.length() > type.length() + 1) {
            String rest = base.substring(type.length() + 1);
            if (rest.length() > 1 && (rest.charAt(0) == 'v' || rest.charAt(0) == 'V') && Character.isDigit(rest.charAt(1))) {
                rest = rest.substring(1);
            }
            if (versionProblem(rest).isEmpty()) {
                version = rest;
            }
        }
        if (version == null) {
            Matcher m = TRAILING_VERSION.matcher(base);
            if (m.find() && versionProblem(m.group(1)).isEmpty()) {
                version = m.group(1);
            }
        }
        return new Guess(type, version);
    }
}
