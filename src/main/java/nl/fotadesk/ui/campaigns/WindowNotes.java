package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a campaign's maintenance window means for it at a given moment, in the user's language: that it
 * waits for the window and when that opens (the server's {@code opensAt}), or that the window has ended
 * (its {@code endsAt}), so the campaign starts, resumes and retries nothing more. Moments are told on the
 * window's clock with its zone named, as its hours are ({@link CampaignTexts#windowMoment}).
 */
final class WindowNotes {
    private final CampaignTexts texts;

    WindowNotes(CampaignTexts texts) {
        this.texts = texts;
    }

    /** Whether the window of {@code c} has ended by {@code now}; the server then refuses start, resume and retry. */
    static boolean ended(CampaignView c, Instant now) {
        return end(c) != null && !now.isBefore(end(c));
    }

    /**
     * When what these notes say changes with the clock alone: the window's end or its opening, whichever
     * comes first after {@code now}; null when neither is ahead.
     */
    static Instant nextChange(CampaignView c, Instant now) {
        return Stream.of(end(c), c.opensAt() == null ? null : Instant.parse(c.opensAt()))
                .filter(t -> t != null && t.isAfter(now)).min(Instant::compareTo).orElse(null);
    }

    /**
     * What the banner's headline adds while the window is closed: a running campaign waits for it, a draft
     * or a scheduled one would when it starts. Empty when the window is open at the start, has ended, or the
     * campaign is paused or done.
     */
    Optional<String> waiting(CampaignView c, Instant now) {
        if (c.opensAt() == null || ended(c, now)) {
            return Optional.empty();
        }
        Instant opens = Instant.parse(c.opensAt());
        String when = texts.windowOpens(c.window(), c.opensAt(), now);
        return switch (c.state()) {
            case RUNNING -> Optional.of(texts.text("campaigns.banner.waitingForWindow", when));
            case DRAFT -> Optional.of(texts.text("campaigns.banner.windowOpens", when));
            // the server's opensAt of a scheduled campaign is its start when the window is open then
            case SCHEDULED -> c.scheduledAt() != null && Instant.parse(c.scheduledAt()).equals(opens) ? Optional.empty()
                    : Optional.of(texts.text("campaigns.banner.windowOpens", when));
            default -> Optional.empty();
        };
    }

    /** The banner's hint once the window has ended, for a campaign it still matters to; empty otherwise. */
    Optional<String> endedHint(CampaignView c, Instant now) {
        if (!ended(c, now) || c.state() == CampaignState.CANCELLED) {
            return Optional.empty();
        }
        String at = texts.windowMoment(c.window(), c.window().endsAt());
        if (c.state() != CampaignState.COMPLETED) {
            return Optional.of(texts.text("campaigns.banner.windowEndedHint", at));
        }
        int failed = Counts.of(c.counts(), c.devices()).failed();
        return failed == 0 ? Optional.empty()
                : Optional.of(texts.text("campaigns.banner.completedWindowEndedHint", failed, at));
    }

    private static Instant end(CampaignView c) {
        return c.window() == null || c.window().endsAt() == null ? null : Instant.parse(c.window().endsAt());
    }
}
