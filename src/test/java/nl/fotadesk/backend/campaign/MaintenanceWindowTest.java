package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.protocol.api.CampaignWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window rule as a table: local times in the window's zone, over midnight and on DST days. */
class MaintenanceWindowTest {

    private static MaintenanceWindow window(String zone, String days, String from, String to) {
        List<String> dayList = days.equals("*") ? null : Arrays.asList(days.split(" "));
        return MaintenanceWindow.of(new CampaignWindow(zone, dayList, from, to)).orElseThrow();
    }

    private static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    /** 2026-12-04 is a Friday, 2026-12-05 a Saturday. */
    @ParameterizedTest(name = "{0} {1} {2}-{3} at {4}: open {5}")
    @CsvSource({
            // zone, days, from, to, local time, open?
            "UTC, *, 02:00, 05:00, 2026-12-04T01:59, false",
            "UTC, *, 02:00, 05:00, 2026-12-04T02:00, true",
            "UTC, *, 02:00, 05:00, 2026-12-04T04:59, true",
            "UTC, *, 02:00, 05:00, 2026-12-04T05:00, false",
            "UTC, MON TUE WED THU, 02:00, 05:00, 2026-12-04T03:00, false",
            "UTC, FRI, 02:00, 05:00, 2026-12-04T03:00, true",
            // over midnight: the day named is the day the window starts
            "UTC, FRI, 22:00, 02:00, 2026-12-04T21:59, false",
            "UTC, FRI, 22:00, 02:00, 2026-12-04T23:30, true",
            "UTC, FRI, 22:00, 02:00, 2026-12-05T01:59, true",
            "UTC, FRI, 22:00, 02:00, 2026-12-05T02:00, false",
            "UTC, FRI, 22:00, 02:00, 2026-12-04T01:00, false",
            "UTC, SAT, 22:00, 02:00, 2026-12-05T01:00, false",
            // from = to: the whole day from then on
            "UTC, SAT, 00:00, 00:00, 2026-12-05T00:00, true",
            "UTC, SAT, 00:00, 00:00, 2026-12-05T23:59, true",
            "UTC, SAT, 00:00, 00:00, 2026-12-06T00:00, false",
            // local time of another zone
            "Europe/Amsterdam, *, 02:00, 05:00, 2026-12-04T02:30, true",
            // spring forward (2026-03-29, 02:00 → 03:00): 02:xx does not exist, so the window opens at 03:00
            "Europe/Amsterdam, SUN, 02:00, 05:00, 2026-03-29T01:59, false",
            "Europe/Amsterdam, SUN, 02:00, 05:00, 2026-03-29T03:00, true",
            "Europe/Amsterdam, SUN, 02:00, 05:00, 2026-03-29T04:59, true",
            "Europe/Amsterdam, SUN, 02:00, 05:00, 2026-03-29T05:00, false",
            // fall back (2026-10-25, 03:00 → 02:00): both 02:30s are inside
            "Europe/Amsterdam, SUN, 01:00, 04:00, 2026-10-25T02:30, true",
            "Europe/Amsterdam, SUN, 01:00, 04:00, 2026-10-25T04:00, false",
            // over midnight into a spring-forward night
            "Europe/Amsterdam, SAT, 23:00, 03:00, 2026-03-29T01:30, true",
            "Europe/Amsterdam, SAT, 23:00, 03:00, 2026-03-29T03:00, false",
    })
    void isOpenAt(String zone, String days, String from, String to, String at, boolean open) {
        assertThat(window(zone, days, from, to).isOpen(local(at, zone))).isEqualTo(open);
    }

    @Test
    void theFallBackNightIsOneHourLongerInRealTime() {
        MaintenanceWindow w = window("Europe/Amsterdam", "SUN", "01:00", "04:00");
        Instant firstHalfPastTwo = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondHalfPastTwo = Instant.parse("2026-10-25T01:30:00Z");
        assertThat(w.isOpen(firstHalfPastTwo)).isTrue();
        assertThat(w.isOpen(secondHalfPastTwo)).isTrue();
        assertThat(w.isOpen(Instant.parse("2026-10-25T02:59:00Z"))).isTrue();
        assertThat(w.isOpen(Instant.parse("2026-10-25T03:00:00Z"))).as("04:00 CET").isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2}-{3} at {4}: opens at {5}")
    @CsvSource({
            "UTC, *, 02:00, 05:00, 2026-12-04T01:00, 2026-12-04T02:00",
            "UTC, *, 02:00, 05:00, 2026-12-04T03:00, 2026-12-04T03:00",
            "UTC, *, 02:00, 05:00, 2026-12-04T06:00, 2026-12-05T02:00",
            "UTC, MON, 02:00, 05:00, 2026-12-04T06:00, 2026-12-07T02:00",
            "UTC, FRI, 22:00, 02:00, 2026-12-05T03:00, 2026-12-11T22:00",
            "Europe/Amsterdam, SUN, 02:00, 05:00, 2026-03-28T12:00, 2026-03-29T03:00",
    })
    void opensAt(String zone, String days, String from, String to, String at, String opens) {
        assertThat(window(zone, days, from, to).opensAt(local(at, zone))).isEqualTo(local(opens, zone));
    }

    @Test
    void theSpecComesBackAsGivenWithDaysInWeekOrder() {
        assertThat(window("Europe/Amsterdam", "SAT MON", "02:00", "05:00").spec())
                .isEqualTo(new CampaignWindow("Europe/Amsterdam", List.of("MON", "SAT"), "02:00", "05:00"));
        assertThat(window("UTC", "*", "02:00", "05:00").spec().days()).hasSize(7);
        assertThat(MaintenanceWindow.of(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}-{3} is refused: {4}")
    @CsvSource({
            "Mars/Olympus, *, 02:00, 05:00, timeZone",
            "UTC, MONDAY, 02:00, 05:00, days",
            "UTC, mon, 02:00, 05:00, days",
            "UTC, *, 2:00, 05:00, from",
            "UTC, *, 02:00, 24:00, to",
            "UTC, *, 02:00, 05:00:00, to",
    })
    void badWindowsAreRefusedNamingTheField(String zone, String days, String from, String to, String field) {
        assertThatThrownBy(() -> window(zone, days, from, to)).isInstanceOf(Invalid.class)
                .hasMessageContaining("window." + field);
    }

    @Test
    void aWindowNeedsItsHoursAndAtLeastOneDay() {
        assertThatThrownBy(() -> MaintenanceWindow.of(new CampaignWindow("UTC", null, "02:00", null)))
                .isInstanceOf(Invalid.class).hasMessageContaining("timeZone, from and to");
        assertThatThrownBy(() -> MaintenanceWindow.of(new CampaignWindow("UTC", List.of(), "02:00", "03:00")))
                .isInstanceOf(Invalid.class).hasMessageContaining("at least one day");
    }

    @Test
    void aWindowThatEndsIsClosedForGoodFromItsEnd() {
        MaintenanceWindow nights = MaintenanceWindow.of(new CampaignWindow("UTC", null, "02:00", "05:00",
                "2026-12-05T03:00:00Z")).orElseThrow();
        assertThat(nights.isOpen(Instant.parse("2026-12-05T02:59:59Z"))).isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-12-05T03:00:00Z"))).as("its hours, but ended").isFalse();
        assertThat(nights.hasEnded(Instant.parse("2026-12-05T03:00:00Z"))).isTrue();
        assertThat(nights.opensAt(Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo("2026-12-05T02:00:00Z");
        assertThat(nights.opensAt(Instant.parse("2026-12-05T12:00:00Z"))).as("never again").isNull();
        MaintenanceWindow endsBeforeItOpens = MaintenanceWindow.of(new CampaignWindow("UTC", null, "02:00", "05:00",
                "2026-12-05T01:00:00Z")).orElseThrow();
        assertThat(endsBeforeItOpens.opensAt(Instant.parse("2026-12-04T12:00:00Z"))).isNull();

        MaintenanceWindow anyHour = MaintenanceWindow.of(new CampaignWindow(null, null, null, null,
                "2026-12-05T03:00:00Z")).orElseThrow();
        assertThat(anyHour.isOpen(Instant.parse("2026-12-04T12:00:00Z"))).isTrue();
        assertThat(anyHour.opensAt(Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo("2026-12-04T12:00:00Z");
        assertThat(anyHour.isOpen(Instant.parse("2026-12-05T03:00:00Z"))).isFalse();
        assertThat(anyHour.spec()).isEqualTo(new CampaignWindow(null, null, null, null, "2026-12-05T03:00:00Z"));
        assertThat(nights.spec().endsAt()).isEqualTo("2026-12-05T03:00:00Z");
        assertThatThrownBy(() -> MaintenanceWindow.of(new CampaignWindow(null, null, null, null, "friday")))
                .isInstanceOf(Invalid.class).hasMessageContaining("window.endsAt");
    }
}
