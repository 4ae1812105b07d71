package nl.fotadesk.ui.campaigns;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.ImeiList;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The wizard's view model: what the user chose so far, as text where the user types, checked step by
 * step, and turned into the {@link NewCampaign} the server previews and creates.
 */
final class CampaignDraft {
    static final List<Integer> DEFAULT_PHASES = List.of(5, 25, 100);
    static final int DEFAULT_SUCCESS = 90;
    static final int DEFAULT_ERROR = 10;
    static final long MIN_TIMEOUT_SECONDS = 10;
    /** The server's limit: 30 days. */
    static final long MAX_TIMEOUT_SECONDS = 30L * 24 * 3600;
    static final int MAX_RETRIES = 10;
    static final int MAX_PHASES = 20;

    /** The unit the device timeout is typed in. */
    enum TimeUnit {
        SECONDS(1), MINUTES(60), HOURS(3600);

        final long seconds;

        TimeUnit(long seconds) {
            this.seconds = seconds;
        }

        String key() {
            return "campaigns.unit." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Something to fix before going on: which field, and the message key with its arguments. */
    record Problem(String field, String key, Object... args) {
    }

    /** Something the user should know about what they typed, though it is not wrong: a message key with its arguments. */
    record Note(String key, Object... args) {
    }

    final ObjectProperty<FirmwareView> firmware = new SimpleObjectProperty<>();
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<String> client = new SimpleObjectProperty<>();
    final ObjectProperty<String> deviceType = new SimpleObjectProperty<>();
    final ObjectProperty<GroupView> group = new SimpleObjectProperty<>();
    final StringProperty imeis = new SimpleStringProperty("");
    final BooleanProperty capEnabled = new SimpleBooleanProperty(false);
    final StringProperty cap = new SimpleStringProperty("");
    final ObjectProperty<String> capOrder = new SimpleObjectProperty<>("random");
    final ObservableList<StringProperty> phases = FXCollections.observableArrayList();
    final StringProperty success = new SimpleStringProperty(String.valueOf(DEFAULT_SUCCESS));
    final StringProperty error = new SimpleStringProperty(String.valueOf(DEFAULT_ERROR));
    final StringProperty timeout = new SimpleStringProperty("1");
    final ObjectProperty<TimeUnit> timeoutUnit = new SimpleObjectProperty<>(TimeUnit.HOURS);
    final StringProperty retries = new SimpleStringProperty("1");
    final BooleanProperty vendorStrict = new SimpleBooleanProperty(false);
    final BooleanProperty startNow = new SimpleBooleanProperty(false);
    final BooleanProperty windowEnabled = new SimpleBooleanProperty(false);
    final StringProperty windowZone = new SimpleStringProperty(ZoneId.systemDefault().getId());
    /** Monday first, as {@link DayOfWeek#ordinal()}. */
    final List<BooleanProperty> windowDays = Stream.generate(() -> (BooleanProperty) new SimpleBooleanProperty(true))
            .limit(7).toList();
    final StringProperty windowFrom = new SimpleStringProperty("02:00");
    final StringProperty windowTo = new SimpleStringProperty("05:00");
    /** The window's end for good, a date and an "HH:mm" in its time zone; no date and no time: no end. */
    final ObjectProperty<LocalDate> windowEndDate = new SimpleObjectProperty<>();
    final StringProperty windowEndTime = new SimpleStringProperty("");
    /** Tells whether the window's end has passed. */
    private final Clock clock;

    CampaignDraft() {
        this(Clock.systemUTC());
    }

    CampaignDraft(Clock clock) {
        this.clock = clock;
        DEFAULT_PHASES.forEach(p -> phases.add(new SimpleStringProperty(String.valueOf(p))));
    }

    /** A new draft with the same inputs, for a wizard built again (in another language) without the old one's listeners. */
    CampaignDraft copy() {
        CampaignDraft c = new CampaignDraft(clock);
        c.firmware.set(firmware.get());
        c.name.set(name.get());
        c.client.set(client.get());
        c.deviceType.set(deviceType.get());
        c.group.set(group.get());
        c.imeis.set(imeis.get());
        c.capEnabled.set(capEnabled.get());
        c.cap.set(cap.get());
        c.capOrder.set(capOrder.get());
        c.phases.setAll(phases.stream().map(p -> (StringProperty) new SimpleStringProperty(p.get())).toList());
        c.success.set(success.get());
        c.error.set(error.get());
        c.timeout.set(timeout.get());
        c.timeoutUnit.set(timeoutUnit.get());
        c.retries.set(retries.get());
        c.vendorStrict.set(vendorStrict.get());
        c.startNow.set(startNow.get());
        c.windowEnabled.set(windowEnabled.get());
        c.windowZone.set(windowZone.get());
        for (int d = 0; d < windowDays.size(); d++) {
            c.windowDays.get(d).set(windowDays.get(d).get());
        }
        c.windowFrom.set(windowFrom.get());
        c.windowTo.set(windowTo.get());
        c.windowEndDate.set(windowEndDate.get());
        c.windowEndTime.set(windowEndTime.get());
        return c;
    }

    // Checks per step

    List<Problem> checkFirmware() {
        List<Problem> problems = new ArrayList<>();
        if (firmware.get() == null) {
            problems.add(new Problem("firmware", "campaigns.check.firmware"));
        }
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            problems.add(new Problem("name", "campaigns.check.name"));
        } else if (n.length() > 128) {
            problems.add(new Problem("name", "campaigns.check.nameLength", 128));
        }
        return problems;
    }

    List<Problem> checkTarget() {
        List<Problem> problems = new ArrayList<>();
        ImeiList list = ImeiList.parse(imeis.get());
        if (!list.invalid().isEmpty()) {
            problems.add(new Problem("imeis", "campaigns.check.imeis", list.invalid().size(),
                    String.join(", ", list.invalid().subList(0, Math.min(3, list.invalid().size())))));
        }
        if (capEnabled.get()) {
            Integer c = integer(cap.get());
            if (c == null || c < 1) {
                problems.add(new Problem("cap", "campaigns.check.cap"));
            }
        }
        return problems;
    }

    List<Problem> checkRollout() {
        List<Problem> problems = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Integer p = integer(phases.get(i).get());
            if (p == null || p < 1 || p > 100) {
                problems.add(new Problem("phase" + i, "campaigns.check.phaseRange", i + 1));
            } else if (!ends.isEmpty() && ends.get(ends.size() - 1) != null && p <= ends.get(ends.size() - 1)) {
                problems.add(new Problem("phase" + i, "campaigns.check.phaseGrows", i + 1, ends.get(ends.size() - 1)));
            }
            ends.add(p);
        }
        if (phases.isEmpty()) {
            problems.add(new Problem("phases", "campaigns.check.phasesNone"));
        } else if (problems.isEmpty() && ends.get(ends.size() - 1) != 100) {
            problems.add(new Problem("phase" + (phases.size() - 1), "campaigns.check.phaseLast"));
        }
        checkPercent(success.get(), "success", problems);
        checkPercent(error.get(), "error", problems);
        Long t = timeoutSeconds();
        if (t == null) {
            problems.add(new Problem("timeout", "campaigns.check.timeout"));
        } else if (t < MIN_TIMEOUT_SECONDS) {
            problems.add(new Problem("timeout", "campaigns.check.timeoutMin", MIN_TIMEOUT_SECONDS));
        } else if (t > MAX_TIMEOUT_SECONDS) {
            problems.add(new Problem("timeout", "campaigns.check.timeoutMax", MAX_TIMEOUT_SECONDS / (24 * 3600)));
        }
        Integer r = integer(retries.get());
        if (r == null || r < 0 || r > MAX_RETRIES) {
            problems.add(new Problem("retries", "campaigns.check.retries", MAX_RETRIES));
        }
        if (windowEnabled.get()) {
            checkWindow(problems);
        }
        return problems;
    }

    private void checkWindow(List<Problem> problems) {
        ZoneId zone = zone();
        if (zone == null) {
            problems.add(new Problem("windowZone", "campaigns.check.windowZone"));
        }
        if (windowDays.stream().noneMatch(BooleanProperty::get)) {
            problems.add(new Problem("windowDays", "campaigns.check.windowDays"));
        }
        if (time(windowFrom.get()) == null || time(windowTo.get()) == null) {
            problems.add(new Problem("windowHours", "campaigns.check.windowTime"));
        }
        windowEnd(zone, problems);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(windowZone.get() == null ? "" : windowZone.get().trim());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The window's end as an instant, checked (problems go to {@code problems}); null when there is none, or
     * it is not valid. The end is local time in the window's zone, so a DST change makes some times special:
     * one the clocks skip (02:30 when they jump from 02:00 to 03:00) is refused, as the user meant a moment
     * that does not exist; one that happens twice (02:30 when they go back from 03:00 to 02:00) is the first
     * of the two, so the window never stays open longer than the user may have meant ({@link #windowEndNote}
     * says so). The wizard starts a campaign at once or when Start is pressed, never at a time set ahead, so
     * the start the end must come after is now: an end that has passed is refused.
     */
    private Instant windowEnd(ZoneId zone, List<Problem> problems) {
        LocalDate date = windowEndDate.get();
        String typed = windowEndTime.get() == null ? "" : windowEndTime.get().trim();
        if (date == null && typed.isEmpty()) {
            return null;
        }
        LocalTime time = time(typed) == null ? null : LocalTime.parse(time(typed));
        if (date == null || time == null) {
            problems.add(date == null ? new Problem("windowEndDate", "campaigns.check.windowEndDate")
                    : new Problem("windowEnd", "campaigns.check.windowEndTime"));
            return null;
        }
        if (zone == null) {
            return null; // the zone's own problem says what to fix
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            problems.add(new Problem("windowEnd", "campaigns.check.windowEndGap", time, date, zone.getId(),
                    gap.getDateTimeBefore().toLocalTime(), gap.getDateTimeAfter().toLocalTime()));
            return null;
        }
        Instant end = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
        if (!end.isAfter(clock.instant())) {
            problems.add(new Problem("windowEnd", "campaigns.check.windowEndPast"));
            return null;
        }
        return end;
    }

    /** Says which of the two moments an end on the clock that happens twice (as DST ends) is; empty for any other end. */
    Optional<Note> windowEndNote() {
        ZoneId zone = zone();
        Instant end = windowEnd(zone, new ArrayList<>());
        if (end == null) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(end, zone);
        var offsets = zone.getRules().getValidOffsets(local);
        return offsets.size() < 2 ? Optional.empty() : Optional.of(new Note("campaigns.wizard.windowEndTwice",
                local.toLocalTime(), local.toLocalDate(), zone.getId(), offsets.get(0), offsets.get(1)));
    }

    /** "HH:mm" as the server takes it, or null. */
    private static String time(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(t).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The window, or null when the campaign has none (or it is not valid yet); every day is sent as no days. */
    CampaignWindow window() {
        List<Problem> problems = new ArrayList<>();
        checkWindow(problems);
        if (!windowEnabled.get() || !problems.isEmpty()) {
            return null;
        }
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (windowDays.get(day.ordinal()).get()) {
                days.add(day.name().substring(0, 3));
            }
        }
        Instant end = windowEnd(zone(), problems);
        return new CampaignWindow(windowZone.get().trim(), days.size() == 7 ? null : days, time(windowFrom.get()),
                time(windowTo.get()), end == null ? null : end.toString());
    }

    private static void checkPercent(String text, String field, List<Problem> problems) {
        Integer v = integer(text);
        if (v == null || v < 0 || v > 100) {
            problems.add(new Problem(field, "campaigns.check.percent"));
        }
    }

    // What the server gets

    CampaignTarget target() {
        ImeiList list = ImeiList.parse(imeis.get());
        Integer c = capEnabled.get() ? integer(cap.get()) : null;
        return new CampaignTarget(client.get(), deviceType.get(), group.get() == null ? null : group.get().id(),
                list.imeis().isEmpty() ? null : list.imeis(), c, c == null ? null : capOrder.get());
    }

    /** The phases typed so far that are valid percentages; the defaults when none is. */
    List<Integer> phaseEnds() {
        List<Integer> ends = new ArrayList<>();
        for (StringProperty p : phases) {
            Integer v = integer(p.get());
            if (v != null && v >= 1 && v <= 100 && (ends.isEmpty() || v > ends.get(ends.size() - 1))) {
                ends.add(v);
            }
        }
        return ends.isEmpty() ? DEFAULT_PHASES : ends;
    }

    /** The campaign as checked; call after the checks pass (a preview before them uses what is valid). */
    NewCampaign toNewCampaign() {
        FirmwareView f = firmware.get();
        return new NewCampaign(name.get() == null ? null : name.get().trim(), f == null ? null : f.id(), target(),
                phaseEnds().stream().map(PhaseSpec::percent).toList(), orDefault(integer(success.get()), DEFAULT_SUCCESS),
                orDefault(integer(error.get()), DEFAULT_ERROR), timeoutSeconds() == null ? null
                : Math.max(MIN_TIMEOUT_SECONDS, timeoutSeconds()), orDefault(integer(retries.get()), 1), null,
                vendorStrict.get(), startNow.get(), window());
    }

    Long timeoutSeconds() {
        Integer t = integer(timeout.get());
        return t == null || timeoutUnit.get() == null ? null : (long) t * timeoutUnit.get().seconds;
    }

    /** How many devices each phase gets out of {@code total}, as the server splits them. */
    static List<Integer> phaseSizes(List<Integer> ends, int total) {
        List<Integer> sizes = new ArrayList<>();
        int done = 0;
        for (int end : ends) {
            int upTo = Math.max(done, (int) Math.ceil(total * end / 100.0));
            sizes.add(upTo - done);
            done = upTo;
        }
        if (done < total) {
            sizes.add(total - done);
        }
        return sizes;
    }

    /** A whole number typed by a user, allowing spaces and a trailing "%"; null when it is none. */
    static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace("%", "").replace('\u00a0', ' ').trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(t);
    }

    private static int orDefault(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
