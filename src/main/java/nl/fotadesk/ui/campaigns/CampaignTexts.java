package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.StatusTerms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words for campaign things in the user's language: states, result codes, durations, targets. */
final class CampaignTexts {
    private final I18n i18n;

    CampaignTexts(I18n i18n) {
        this.i18n = i18n;
    }

    String text(String key, Object... args) {
        return i18n.get(key, args);
    }

    I18n i18n() {
        return i18n;
    }

    String state(CampaignState state) {
        return i18n.get(StatusTerms.labelKey(state));
    }

    String deviceState(ActionState state) {
        return i18n.get(StatusTerms.labelKey(state));
    }

    /** An LwM2M update result code in words, e.g. "5 \u2013 integrity check failed"; empty for none or success. */
    String result(Integer code) {
        if (code == null || code <= 1) {
            return "";
        }
        String key = "campaigns.result." + code;
        return i18n.get("campaigns.result.format", code, i18n.has(key) ? i18n.get(key) : i18n.get("campaigns.result.other"));
    }

    String number(long n) {
        return i18n.number(n);
    }

    String percent(long p) {
        return i18n.get("campaigns.percent", p);
    }

    String dateTime(String iso) {
        return i18n.dateTime(iso);
    }

    /** A compact date and time for tables: the time alone when it is today. */
    String shortDateTime(String iso) {
        if (iso == null) {
            return "";
        }
        Instant t = Instant.parse(iso);
        ZoneId zone = ZoneId.systemDefault();
        DateTimeFormatter format = LocalDate.ofInstant(t, zone).equals(LocalDate.now(zone))
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
        return format.withLocale(i18n.locale()).withZone(zone).format(t);
    }

    /** A duration in its largest whole unit: "1 h", "90 min", "45 s". */
    String duration(long seconds) {
        if (seconds > 0 && seconds % 3600 == 0) {
            return i18n.get("campaigns.duration.hours", seconds / 3600);
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return i18n.get("campaigns.duration.minutes", seconds / 60);
        }
        return i18n.get("campaigns.duration.seconds", seconds);
    }

    /** A forecast duration, rounded to what matters: "45 s", "17 min", "2 h 39 min". */
    String roughDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 120) {
            return i18n.get("campaigns.duration.seconds", s);
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return i18n.get("campaigns.duration.minutes", minutes);
        }
        return i18n.get("campaigns.duration.hoursMinutes", minutes / 60, minutes % 60);
    }

    /** An expected count, to one decimal. */
    String decimal(double n) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(i18n.locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(n);
    }

    String bytes(long n) {
        return i18n.bytes(n);
    }

    /** A bearer the server models ({@code NB_IOT}) by its usual name ("NB-IoT"); one the app does not know as named. */
    String bearer(String name) {
        String key = "campaigns.forecast.bearer." + name;
        return i18n.has(key) ? i18n.get(key) : name;
    }

    /** An amount in the user's currency (no symbol: the price per MB says which): cents, and below 1 to the tenth of a cent. */
    String money(double amount) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(i18n.locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(amount < 1 ? 3 : 2);
        return f.format(amount);
    }

    /** Elapsed time on the chart's axis: "0:45", "12:05", "1:02:30". */
    static String elapsed(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    String firmware(CampaignView c) {
        return i18n.get("campaigns.firmwareOf", c.deviceType(), c.firmwareVersion());
    }

    /** What a target selects, e.g. "client acme · type tracker-x · 12 listed IMEIs · at most 50 devices". */
    String target(CampaignTarget t, Map<String, String> groupNames) {
        if (t == null) {
            return i18n.get("campaigns.target.all");
        }
        List<String> parts = new ArrayList<>();
        if (t.client() != null) {
            parts.add(i18n.get("campaigns.target.client", t.client()));
        }
        if (t.deviceType() != null) {
            parts.add(i18n.get("campaigns.target.type", t.deviceType()));
        }
        if (t.groupId() != null) {
            parts.add(i18n.get("campaigns.target.group", groupNames.getOrDefault(t.groupId(), t.groupId())));
        }
        if (t.imeis() != null) {
            parts.add(i18n.get("campaigns.target.imeis", t.imeis().size()));
        }
        if (t.cap() != null) {
            parts.add(i18n.get("imei".equals(t.capOrder()) ? "campaigns.target.capImei" : "campaigns.target.capRandom",
                    t.cap()));
        }
        return parts.isEmpty() ? i18n.get("campaigns.target.all") : String.join(" \u00b7 ", parts);
    }

    /** "Phase 2 of 3", or the state when no phase is current. */
    String phase(CampaignView c) {
        int phases = c.phases() == null ? 0 : c.phases().size();
        if (phases == 0) {
            return "";
        }
        if (c.state() == CampaignState.DRAFT || c.state() == CampaignState.SCHEDULED) {
            return i18n.get("campaigns.phase.count", phases);
        }
        if (c.currentPhase() < 0) {
            return i18n.get("campaigns.phase.allDone", phases);
        }
        return i18n.get("campaigns.phase.of", c.currentPhase() + 1, phases);
    }

    /** A window's days and hours, e.g. "Mon, Tue 02:00–05:00 (Europe/Amsterdam)"; null when it has no hours. */
    String windowHours(CampaignWindow window) {
        if (window == null || window.from() == null || window.to() == null) {
            return null;
        }
        String days = window.days() == null || window.days().isEmpty() ? text("campaigns.window.everyDay")
                : String.join(", ", window.days().stream().map(d -> Arrays.stream(DayOfWeek.values())
                        .filter(w -> w.name().startsWith(d)).findFirst()
                        .map(w -> w.getDisplayName(TextStyle.SHORT, i18n.locale())).orElse(d)).toList());
        return text("campaigns.window.hours", days, window.from(), window.to(), window.timeZone());
    }

    /**
     * A moment of a window (its end, when it opens) on the window's clock, with the zone named, e.g.
     * "Dec 6, 2026, 06:00 (Europe/Amsterdam)": the window's hours are in its zone, so its moments are too.
     * A time that the zone's clock shows twice (as DST ends) also names its offset. A window without hours
     * has no zone: the user's is named then.
     */
    String windowMoment(CampaignWindow window, String iso) {
        ZoneId zone = windowZone(window);
        LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(iso), zone);
        String date = date(local.toLocalDate());
        String time = hours(local.toLocalTime());
        return zone.getRules().getValidOffsets(local).size() > 1
                ? text("campaigns.window.atOffset", date, time, zone.getId(), offset(zone.getRules().getOffset(
                        Instant.parse(iso))))
                : text("campaigns.window.at", date, time, zone.getId());
    }

    /** When a window opens, seen from {@code now}: "today at 02:00 (UTC)", "tomorrow at …", "on Dec 7, 2026 at …". */
    String windowOpens(CampaignWindow window, String iso, Instant now) {
        ZoneId zone = windowZone(window);
        LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(iso), zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        String time = hours(local.toLocalTime());
        if (local.toLocalDate().equals(today)) {
            return text("campaigns.window.today", time, zone.getId());
        }
        if (local.toLocalDate().equals(today.plusDays(1))) {
            return text("campaigns.window.tomorrow", time, zone.getId());
        }
        return text("campaigns.window.on", date(local.toLocalDate()), time, zone.getId());
    }

    /** Message arguments as the user reads them: dates, times of day and UTC offsets in words; the rest as they are. */
    Object[] args(Object... args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate d) {
                out[i] = date(d);
            } else if (out[i] instanceof LocalTime t) {
                out[i] = hours(t);
            } else if (out[i] instanceof ZoneOffset o) {
                out[i] = offset(o);
            }
        }
        return out;
    }

    private String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale()).format(date);
    }

    private static String hours(LocalTime time) {
        return DateTimeFormatter.ofPattern("HH:mm").format(time);
    }

    /** "UTC+02:00", "UTC". */
    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }

    private static ZoneId windowZone(CampaignWindow window) {
        return window == null || window.timeZone() == null ? ZoneId.systemDefault() : ZoneId.of(window.timeZone());
    }
}
