package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseView;
import nl.fotadesk.ui.ActorNames;
import nl.fotadesk.ui.EventTexts;
import nl.fotadesk.ui.I18n;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a campaign is in its state, in the user's language: from the code and arguments the server gives
 * with the reason, or for a reason given before codes were, from its English ("phase 1: 3 of 20 devices
 * failed, above the error threshold of 10 %") by pattern; any other reason as the server wrote it.
 */
public final class StateReasons {
    private record Rule(Pattern pattern, BiFunction<I18n, Matcher, String> text) {
    }

    /** A pause at a phase's threshold: the phase (from 1), the devices counted then (failed or updated), the threshold. */
    private record ThresholdPause(EventCode code, long phase, long countedThen, long threshold) {
    }

    private static final Pattern ERROR_THRESHOLD = Pattern.compile(
            "phase (\\d+): (\\d+) of (\\d+) devices failed, above the error threshold of (\\d+) %");
    private static final Pattern SUCCESS_THRESHOLD = Pattern.compile(
            "phase (\\d+) ended with (\\d+) of (\\d+) devices updated, below the success threshold of (\\d+) %");
    private static final Pattern COMPLETED = Pattern.compile("(\\d+) devices updated, (\\d+) failed");
    private static final Pattern WINDOW_ENDED = Pattern.compile("the window ended at (\\S+)");

    private static final List<Rule> RULES = List.of(
            rule("paused by (.+)", (i, m) -> i.get("campaigns.reason.pausedBy", ActorNames.of(i, m.group(1)))),
            rule("resumed by (.+)", (i, m) -> i.get("campaigns.reason.resumedBy", ActorNames.of(i, m.group(1)))),
            rule("cancelled by (.+)", (i, m) -> i.get("campaigns.reason.cancelledBy", ActorNames.of(i, m.group(1)))),
            rule("starts at (\\S+)", (i, m) -> i.get("campaigns.reason.startsAt", dateTime(i, m.group(1)))),
            new Rule(WINDOW_ENDED, (i, m) -> i.get("campaigns.reason.windowEnded", dateTime(i, m.group(1)))),
            rule("retrying (\\d+) failed devices", (i, m) -> i.get("campaigns.reason.retrying", n(m, 1))),
            rule("phase (\\d+) paused the campaign at its thresholds, which count all of its devices",
                    (i, m) -> i.get("campaigns.reason.thresholdOfAll", n(m, 1))),
            new Rule(ERROR_THRESHOLD,
                    (i, m) -> i.get("campaigns.reason.errorThreshold", n(m, 1), n(m, 2), n(m, 3), n(m, 4))),
            new Rule(SUCCESS_THRESHOLD,
                    (i, m) -> i.get("campaigns.reason.successThreshold", n(m, 1), n(m, 2), n(m, 3), n(m, 4))),
            new Rule(COMPLETED, (i, m) -> i.get("campaigns.reason.completed", n(m, 1), n(m, 2))));

    private StateReasons() {
    }

    /** The reason in the user's language; empty for none. */
    public static String explain(I18n i18n, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(reason.trim());
            if (m.matches()) {
                return r.text.apply(i18n, m);
            }
        }
        return reason;
    }

    /**
     * The campaign's reason with the counts as they are now: the server's reason keeps the numbers of
     * the moment it was given (devices still busy then may have failed since), so this is what agrees
     * with the counters beside it. After "Retry failed" the pause's reason stays, but its failures do not,
     * so the text then says that they got a new attempt.
     */
    static String explainNow(I18n i18n, CampaignView c) {
        Optional<ThresholdPause> pause = thresholdPause(c);
        if (pause.isPresent() && phase(c, pause.get().phase()) != null) {
            ThresholdPause t = pause.get();
            PhaseView p = phase(c, t.phase());
            Counts now = Counts.of(p.counts(), p.devices());
            if (t.code() == EventCode.ERROR_THRESHOLD_REACHED) {
                long failedNow = now.failed();
                return i18n.get(failedNow < t.countedThen() ? "campaigns.reason.errorThresholdRetried"
                        : "campaigns.reason.errorThreshold", t.phase(), failedNow, (long) p.devices(), t.threshold());
            }
            return i18n.get("campaigns.reason.successThreshold", t.phase(), (long) now.succeeded(), (long) p.devices(),
                    t.threshold());
        }
        Optional<EventCode> code = coded(c);
        if (code.orElse(null) == EventCode.CAMPAIGN_COMPLETED
                || code.isEmpty() && COMPLETED.matcher(c.stateReason() == null ? "" : c.stateReason().trim()).matches()) {
            Counts counts = Counts.of(c.counts(), c.devices());
            return i18n.get("campaigns.reason.completed", (long) counts.succeeded(), (long) counts.failed());
        }
        if (code.isPresent()) {
            // running as started needs no words beside "Running"
            return code.get() == EventCode.CAMPAIGN_STARTED ? "" : EventTexts.said(i18n, code.get(), c.stateReasonArgs());
        }
        return explain(i18n, c.stateReason());
    }

    /** The campaign's reason as the server coded it; empty for a reason given before codes were. */
    private static Optional<EventCode> coded(CampaignView c) {
        return EventTexts.known(c.stateReasonCode(), c.stateReasonArgs());
    }

    /** The pause at a phase's error or success threshold the campaign's reason tells of, if it does. */
    private static Optional<ThresholdPause> thresholdPause(CampaignView c) {
        Optional<EventCode> code = coded(c);
        if (code.isPresent()) {
            Map<String, Object> a = c.stateReasonArgs();
            return switch (code.get()) {
                case ERROR_THRESHOLD_REACHED -> Optional.of(new ThresholdPause(code.get(), number(a, "phase"),
                        number(a, "failed"), number(a, "threshold")));
                case SUCCESS_THRESHOLD_MISSED -> Optional.of(new ThresholdPause(code.get(), number(a, "phase"),
                        number(a, "succeeded"), number(a, "threshold")));
                default -> Optional.empty();
            };
        }
        String reason = c.stateReason() == null ? "" : c.stateReason().trim();
        Matcher m;
        if ((m = ERROR_THRESHOLD.matcher(reason)).matches()) {
            return Optional.of(new ThresholdPause(EventCode.ERROR_THRESHOLD_REACHED, n(m, 1), n(m, 2), n(m, 4)));
        }
        if ((m = SUCCESS_THRESHOLD.matcher(reason)).matches()) {
            return Optional.of(new ThresholdPause(EventCode.SUCCESS_THRESHOLD_MISSED, n(m, 1), n(m, 2), n(m, 4)));
        }
        return Optional.empty();
    }

    /** The phase numbered {@code number} (from 1), or null when the campaign has no such phase. */
    private static PhaseView phase(CampaignView c, long number) {
        return c.phases() == null || number < 1 || number > c.phases().size() ? null : c.phases().get((int) number - 1);
    }

    /** True when the campaign paused itself because a phase's devices failed (rather than an operator). */
    static boolean pausedByThreshold(CampaignView c) {
        return thresholdPause(c).isPresent();
    }

    /** True when the campaign paused at its error threshold and fewer of that phase's devices have failed since: they were retried. */
    static boolean retriedSincePause(CampaignView c) {
        return thresholdPause(c).filter(t -> t.code() == EventCode.ERROR_THRESHOLD_REACHED)
                .filter(t -> phase(c, t.phase()) != null)
                .map(t -> Counts.of(phase(c, t.phase()).counts(), phase(c, t.phase()).devices()).failed() < t.countedThen())
                .orElse(false);
    }

    /** True when the campaign paused itself because its maintenance window ended. */
    static boolean pausedByWindowEnd(CampaignView c) {
        Optional<EventCode> code = coded(c);
        return code.isPresent() ? code.get() == EventCode.WINDOW_ENDED
                : c.stateReason() != null && WINDOW_ENDED.matcher(c.stateReason().trim()).matches();
    }

    private static long number(Map<String, Object> args, String name) {
        return args.get(name) instanceof Number n ? n.longValue() : 0;
    }

    private static Rule rule(String regex, BiFunction<I18n, Matcher, String> text) {
        return new Rule(Pattern.compile(regex), text);
    }

    private static Long n(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }

    private static String dateTime(I18n i18n, String iso) {
        try {
            return i18n.dateTime(iso);
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
