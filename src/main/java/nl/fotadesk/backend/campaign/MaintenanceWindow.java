package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.protocol.api.CampaignWindow;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The maintenance-window rule, apart from the database and the clock: a window is open from
 * {@code from} to {@code to} local time in its zone, starting on one of its days. When {@code to} is
 * not after {@code from} the window runs into the next day (22:00–02:00 on FRI is open Friday night
 * until Saturday 02:00); {@code from} equal to {@code to} is 24 hours. The rule is about local times,
 * so on a DST day a window keeps its hours on the clock: 02:00–05:00 on the spring-forward day opens at
 * 03:00 (02:xx does not exist), on the fall-back day it is an hour longer. A window that {@code endsAt} an
 * instant is closed from then on, for good; it may have no hours ({@code zone}, {@code from} and {@code to}
 * null): open at any hour until it ends.
 */
public record MaintenanceWindow(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to, Instant endsAt) {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** A window opens within a week; a few days more cover every DST shift. */
    private static final int DAYS_AHEAD = 9;

    public MaintenanceWindow {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** The window {@code spec} describes, checked; empty when there is none. */
    public static Optional<MaintenanceWindow> of(CampaignWindow spec) {
        if (spec == null) {
            return Optional.empty();
        }
        Instant endsAt = spec.endsAt() == null ? null : Limits.instant("invalid_window", "window.endsAt", spec.endsAt());
        if (endsAt != null && spec.timeZone() == null && spec.days() == null && spec.from() == null && spec.to() == null) {
            return Optional.of(new MaintenanceWindow(null, Set.of(), null, null, endsAt));
        }
        if (spec.timeZone() == null || spec.from() == null || spec.to() == null) {
            throw new Invalid("invalid_window", "a window's hours need timeZone, from and to (days is optional: every"
                    + " day); a window with endsAt may have no hours");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(spec.timeZone());
        } catch (DateTimeException e) {
            throw new Invalid("invalid_window", "window.timeZone must be a time zone such as Europe/Amsterdam or UTC; got "
                    + Limits.quoted(spec.timeZone()));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (spec.days() == null) {
            days = EnumSet.allOf(DayOfWeek.class);
        } else {
            for (String day : spec.days()) {
                days.add(day(day));
            }
            if (days.isEmpty()) {
                throw new Invalid("invalid_window", "window.days must name at least one day (or be left out: every day)");
            }
        }
        return Optional.of(new MaintenanceWindow(zone, days, time("from", spec.from()), time("to", spec.to()), endsAt));
    }

    /** The window as the API shows it. */
    public CampaignWindow spec() {
        String end = endsAt == null ? null : endsAt.toString();
        if (zone == null) {
            return new CampaignWindow(null, null, null, null, end);
        }
        List<String> names = new ArrayList<>();
        days.forEach(d -> names.add(dayName(d)));
        return new CampaignWindow(zone.getId(), names, HOURS.format(from), HOURS.format(to), end);
    }

    /** Whether the window has closed for good at {@code at}. */
    public boolean hasEnded(Instant at) {
        return endsAt != null && !at.isBefore(endsAt);
    }

    /** Whether the window is open at {@code at}. */
    public boolean isOpen(Instant at) {
        return !hasEnded(at) && (zone == null || openUntil(at).isPresent());
    }

    /**
     * When the window, open at {@code at}, closes: the end of its opening, or of the openings that follow
     * it without a gap, or its end for good if that comes first; {@code at} itself when it is closed then,
     * empty when it is open around the clock and never ends.
     */
    public Optional<Instant> closesAt(Instant at) {
        if (!isOpen(at)) {
            return Optional.of(at);
        }
        Optional<Instant> hours = zone == null ? Optional.empty() : hoursCloseAt(at);
        return endsAt == null ? hours : Optional.of(hours.filter(h -> h.isBefore(endsAt)).orElse(endsAt));
    }

    private Optional<Instant> hoursCloseAt(Instant at) {
        Instant t = at;
        for (int i = 0; i <= DAYS_AHEAD; i++) {
            Optional<Instant> until = openUntil(t);
            if (until.isEmpty()) {
                return Optional.of(t);
            }
            t = until.get();
        }
        return Optional.empty();
    }

    /** When the opening that holds {@code at} (started that day or the day before) ends; empty when none does. */
    private Optional<Instant> openUntil(Instant at) {
        LocalDate date = LocalDateTime.ofInstant(at, zone).toLocalDate();
        Optional<Instant> until = Optional.empty();
        for (LocalDate day : List.of(date.minusDays(1), date)) {
            Instant end = closing(day);
            if (opening(day).filter(start -> !at.isBefore(start) && at.isBefore(end)).isPresent()
                    && until.map(end::isAfter).orElse(true)) {
                until = Optional.of(end);
            }
        }
        return until;
    }

    /** When the window is next open: {@code at} itself when it is open then; null when it never opens again (it ends first). */
    public Instant opensAt(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        if (hasEnded(at) || zone == null) {
            return null;
        }
        LocalDate date = LocalDate.ofInstant(at, zone);
        for (int i = 0; i <= DAYS_AHEAD; i++) {
            Optional<Instant> start = opening(date.plusDays(i)).filter(s -> s.isAfter(at));
            if (start.isPresent()) {
                return hasEnded(start.get()) ? null : start.get();
            }
        }
        throw new IllegalStateException("a window with days " + days + " opens within a week");
    }

    /** When the window that starts on {@code date} opens; empty when {@code date} is not one of its days. */
    private Optional<Instant> opening(LocalDate date) {
        return days.contains(date.getDayOfWeek()) ? Optional.of(ZonedDateTime.of(date, from, zone).toInstant())
                : Optional.empty();
    }

    /** When the window that starts on {@code date} closes: the same day, or the next when it runs over midnight. */
    private Instant closing(LocalDate date) {
        return ZonedDateTime.of(to.isAfter(from) ? date : date.plusDays(1), to, zone).toInstant();
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (dayName(d).equals(name)) {
                return d;
            }
        }
        throw new Invalid("invalid_window", "window.days holds MON, TUE, WED, THU, FRI, SAT or SUN; got "
                + Limits.quoted(name));
    }

    private static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
    }

    private static LocalTime time(String field, String text) {
        try {
            if (text.length() == 5) {
                return LocalTime.parse(text, HOURS);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new Invalid("invalid_window", "window." + field + " must be a time of day as HH:mm (00:00 to 23:59); got "
                + Limits.quoted(text));
    }
}
