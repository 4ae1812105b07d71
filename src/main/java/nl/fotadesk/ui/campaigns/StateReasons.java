package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseView;
import nl.fotadesk.ui.ActorNames;
import nl.fotadesk.ui.I18n;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server says why a campaign is in its state in English ("phase 1: 3 of 20 devices failed, above
 * the error threshold of 10 %"); this puts the known reasons in the user's language and keeps any
 * other reason as the server wrote it.
 */
public final class StateReasons {
    private record Rule(Pattern pattern, BiFunction<I18n, Matcher, String> text) {
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
        String reason = c.stateReason() == null ? "" : c.stateReason().trim();
        Matcher m;
        if ((m = ERROR_THRESHOLD.matcher(reason)).matches() && phase(c, m) != null) {
            PhaseView p = phase(c, m);
            long failedNow = Counts.of(p.counts(), p.devices()).failed();
            return i18n.get(failedNow < n(m, 2) ? "campaigns.reason.errorThresholdRetried" : "campaigns.reason.errorThreshold",
                    n(m, 1), failedNow, (long) p.devices(), n(m, 4));
        }
        if ((m = SUCCESS_THRESHOLD.matcher(reason)).matches() && phase(c, m) != null) {
            PhaseView p = phase(c, m);
            return i18n.get("campaigns.reason.successThreshold", n(m, 1),
                    (long) Counts.of(p.counts(), p.devices()).succeeded(), (long) p.devices(), n(m, 4));
        }
        if (COMPLETED.matcher(reason).matches()) {
            Counts counts = Counts.of(c.counts(), c.devices());
            return i18n.get("campaigns.reason.completed", (long) counts.succeeded(), (long) counts.failed());
        }
        return explain(i18n, reason);
    }

    /** The phase a threshold reason names (its first number, counted from 1), or null when the campaign has no such phase. */
    private static PhaseView phase(CampaignView c, Matcher m) {
        int index = Integer.parseInt(m.group(1)) - 1;
        return c.phases() == null || index < 0 || index >= c.phases().size() ? null : c.phases().get(index);
    }

    /** True when the campaign paused itself because a phase's devices failed (rather than an operator). */
    static boolean pausedByThreshold(String reason) {
        return reason != null && (ERROR_THRESHOLD.matcher(reason.trim()).matches()
                || SUCCESS_THRESHOLD.matcher(reason.trim()).matches());
    }

    /** True when the campaign paused at its error threshold and fewer of that phase's devices have failed since: they were retried. */
    static boolean retriedSincePause(CampaignView c) {
        Matcher m = ERROR_THRESHOLD.matcher(c.stateReason() == null ? "" : c.stateReason().trim());
        if (!m.matches() || phase(c, m) == null) {
            return false;
        }
        PhaseView p = phase(c, m);
        return Counts.of(p.counts(), p.devices()).failed() < n(m, 2);
    }

    /** True when the campaign paused itself because its maintenance window ended. */
    static boolean pausedByWindowEnd(String reason) {
        return reason != null && WINDOW_ENDED.matcher(reason.trim()).matches();
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
