package nl.fotadesk.ui.campaigns;

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

    private static final List<Rule> RULES = List.of(
            rule("paused by an operator", (i, m) -> i.get("campaigns.reason.pausedByOperator")),
            rule("resumed by an operator", (i, m) -> i.get("campaigns.reason.resumedByOperator")),
            rule("cancelled by an operator", (i, m) -> i.get("campaigns.reason.cancelledByOperator")),
            rule("starts at (\\S+)", (i, m) -> i.get("campaigns.reason.startsAt", dateTime(i, m.group(1)))),
            rule("retrying (\\d+) failed devices", (i, m) -> i.get("campaigns.reason.retrying", n(m, 1))),
            rule("phase (\\d+): (\\d+) of (\\d+) devices failed, above the error threshold of (\\d+) %",
                    (i, m) -> i.get("campaigns.reason.errorThreshold", n(m, 1), n(m, 2), n(m, 3), n(m, 4))),
            rule("phase (\\d+) ended with (\\d+) of (\\d+) devices updated, below the success threshold of (\\d+) %",
                    (i, m) -> i.get("campaigns.reason.successThreshold", n(m, 1), n(m, 2), n(m, 3), n(m, 4))),
            rule("(\\d+) devices updated, (\\d+) failed",
                    (i, m) -> i.get("campaigns.reason.completed", n(m, 1), n(m, 2))));

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

    /** True when the campaign paused itself because a phase's devices failed (rather than an operator). */
    static boolean pausedByThreshold(String reason) {
        return reason != null && (RULES.get(5).pattern.matcher(reason.trim()).matches()
                || RULES.get(6).pattern.matcher(reason.trim()).matches());
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
