package nl.fotadesk.backend.domain;

import nl.fotadesk.protocol.ImeiList;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Every length and range limit of the management API and the uplink, in one place; docs/api.md
 * ("Limits") lists them. Text lengths count code points and equal the {@code VARCHAR(n)} of the column
 * the text is stored in (resources/db/migration). H2 counts a VARCHAR's length in UTF-16 units and
 * PostgreSQL in code points; the two agree only within the Basic Multilingual Plane, so stored text
 * holds no code point above U+FFFF. PostgreSQL refuses U+0000 in text, so control characters are
 * refused too.
 */
public final class Limits {
    /** Clients, device types, group names and filters: {@code clients.name}, {@code devices.client}, … */
    public static final int NAME = 64;
    /** Firmware versions, uploaded or reported: {@code firmware.version}, {@code devices.reported_firmware}. */
    public static final int VERSION = 64;
    /** A device's reported {@code fotaState}: {@code devices.fota_state}. */
    public static final int FOTA_STATE = 16;
    /** {@code device_types.description}. */
    public static final int DESCRIPTION = 256;
    /** {@code campaigns.name}. */
    public static final int CAMPAIGN_NAME = 128;
    /** IMEIs in a static group, in a campaign target, and data lines in one CSV import. */
    public static final int IMEI_LIST = ImeiList.MAX;
    /** The largest {@code limit} of a page or a list. */
    public static final int PAGE = 1000;
    /** Phases of a campaign as requested; one more may take the rest. */
    public static final int PHASES = 20;
    public static final int PERCENT_MIN = 0;
    public static final int PERCENT_MAX = 100;
    public static final long TIMEOUT_MIN_SECONDS = 10;
    /** 30 days: a device that makes no progress for a month is stuck, whatever its uplink schedule. */
    public static final long TIMEOUT_MAX_SECONDS = Duration.ofDays(30).toSeconds();
    public static final int RETRIES_MAX = 10;
    /** The earliest {@code scheduledAt}; any time before now starts a campaign at once anyway. */
    public static final Instant SCHEDULE_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The latest {@code scheduledAt}: four-digit years, which every database and ISO-8601 reader take. */
    public static final Instant SCHEDULE_LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** LwM2M Update Result codes a device may report: 0 to 11 are defined, the rest up to 255 vendor-specific. */
    public static final int FOTA_RESULT_MAX = 255;
    /** Telemetry names kept per device; the least recently reported are dropped beyond it. */
    public static final int TELEMETRY_NAMES = 64;
    /** Bytes (UTF-8 JSON) of telemetry kept per device; the least recently reported names are dropped beyond it. */
    public static final int TELEMETRY_BYTES = 16 * 1024;
    /** Bytes (UTF-8 JSON) of one telemetry name with its value; a larger one is left out and the uplink still accepted. */
    public static final int TELEMETRY_ENTRY_BYTES = 2 * 1024;

    /** The ids the backend makes: lower-case UUIDs. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** How much of a refused value an error message repeats. */
    private static final int QUOTED = 80;

    private Limits() {
    }

    /**
     * {@code value} when it is 1 to {@code max} characters of storable text (see the class comment);
     * else an {@link Invalid} {@code invalid_<field>} that names the field and the rule.
     */
    public static String text(String field, String value, int max) {
        String problem = textProblem(value, max);
        if (problem != null) {
            throw Invalid.field(field, field + " " + problem);
        }
        return value;
    }

    /** What is wrong with {@code value} as 1 to {@code max} characters of storable text, or null when nothing is. */
    public static String textProblem(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "must be 1 to " + max + " characters; got nothing";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return "may only hold characters up to U+FFFF (no emoji or other supplementary characters); got "
                        + codePoint(value.codePointAt(i)) + " at position " + (value.codePointCount(0, i) + 1);
            }
            if (Character.isISOControl(c)) {
                return "may not hold control characters; got " + codePoint(c) + " at position " + (i + 1);
            }
        }
        if (value.length() > max) {
            return "must be 1 to " + max + " characters; got " + value.length();
        }
        return null;
    }

    /** Whether {@code value} can be an id the backend made; anything else names nothing. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * The instant {@code text} gives (ISO-8601, from {@link #SCHEDULE_EARLIEST} to {@link #SCHEDULE_LATEST}:
     * a start, an end); else {@link Invalid} with {@code error} naming {@code field}.
     */
    public static Instant instant(String error, String field, String text) {
        try {
            Instant at = Instant.parse(text);
            if (!at.isBefore(SCHEDULE_EARLIEST) && !at.isAfter(SCHEDULE_LATEST)) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new Invalid(error, field + " must be an ISO-8601 instant such as 2026-12-01T06:00:00Z, from "
                + SCHEDULE_EARLIEST + " to " + SCHEDULE_LATEST + "; got " + quoted(text));
    }

    /** A whole number in {@code min..max}, else an {@link Invalid} {@code invalid_<field>}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw Invalid.field(field, field + " must be from " + min + " to " + max + "; got " + value);
        }
        return value;
    }

    /** The value in quotes for a message, cut short when long, so an error never echoes a huge input. */
    public static String quoted(String value) {
        return value == null ? "nothing" : "\"" + shortened(value) + "\"";
    }

    /** The value for a message, cut short when long. */
    public static String shortened(String value) {
        if (value == null || value.length() <= QUOTED) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED;
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
