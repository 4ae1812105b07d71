package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.ActorNames;
import nl.fotadesk.ui.EventTexts;
import nl.fotadesk.ui.UiContext;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a history entry in the operator's language: the campaign that caused it, and its
 * detail, from the entry's code and arguments (left out where the state, or the campaign line above it,
 * says it all). Entries written before codes were have only the server's English: the descriptions it
 * used then are put in words by pattern, anything else is shown as the server wrote it.
 */
final class HistoryText {
    private static final Pattern RUNS_ALREADY = Pattern.compile("(.*); it runs (\\S+) already");
    private static final Pattern FIRMWARE = Pattern.compile("reports firmware (\\S+)");
    private static final Pattern RESULT = Pattern.compile("(?:reports )?fotaResult (\\d+)");
    private static final Pattern REPORTS = Pattern.compile("reports(?: fotaState \\w+)?(?:,? (\\d+) %)?");
    private static final Pattern DESIRED = Pattern.compile("desired firmware set to (\\S+)(?: by (.+))?");
    private static final Pattern CAMPAIGN_PHASE = Pattern.compile("campaign \".*\", phase \\d+");
    private static final Pattern RETRY = Pattern.compile("retry (\\d+) of (\\d+) after (.+)");
    private static final Pattern NO_PROGRESS = Pattern.compile("no progress for (\\d+) s");
    private static final Pattern RETRIED_BY = Pattern.compile("retried by (.+)");

    private final UiContext context;
    private final DeviceTexts texts;

    HistoryText(UiContext context, DeviceTexts texts) {
        this.context = context;
        this.texts = texts;
    }

    /**
     * The line that says which campaign caused a history entry (and in which phase), or null when no
     * campaign did; a campaign that is not known is named as such.
     */
    String campaignLine(EventView e, HistoryCampaigns campaigns) {
        if (e.campaignId() == null) {
            return null;
        }
        String name = campaigns.name(e.campaignId());
        return name == null ? context.text("devices.detail.byCampaign")
                : e.phase() == null ? context.text("devices.detail.byCampaignNamed", name)
                : context.text("devices.detail.byCampaignPhase", name, e.phase() + 1);
    }

    /** The line to show under the entry's state, or null when the state says it all. */
    String detail(EventView e) {
        Optional<EventCode> code = EventTexts.known(e);
        if (code.isEmpty()) {
            return detail(e.state(), e.detail());
        }
        return EventTexts.joined(context.i18n(), said(code.get(), e) ? EventTexts.said(context.i18n(), code.get(),
                e.args()) : null, EventTexts.runsAlready(context.i18n(), e.args()));
    }

    /**
     * Whether the entry's own text says more than its state and campaign line: not where the campaign
     * gave the update, the uplink was answered with the URL or reported its state, nor a progress but
     * while downloading.
     */
    private static boolean said(EventCode code, EventView e) {
        return switch (code) {
            case GIVEN_BY_CAMPAIGN, DOWNLOAD_URL_SENT, REPORTS_STATE, REPORTS_STATUS -> false;
            case REPORTS_PROGRESS -> "downloading".equals(e.state());
            default -> true;
        };
    }

    /** An entry written before codes were: its English put in words. */
    private String detail(String state, String serverText) {
        if (serverText == null || serverText.isBlank()) {
            return null;
        }
        String text = serverText.trim();
        Matcher runs = RUNS_ALREADY.matcher(text);
        if (!runs.matches()) {
            return cause(state, text);
        }
        String already = context.text("devices.history.runsAlready", runs.group(2));
        String cause = cause(state, runs.group(1));
        return cause == null ? already : context.text("devices.history.joined", cause, already);
    }

    /** Why the device entered {@code state}, in words; null when that says nothing more. */
    private String cause(String state, String text) {
        Matcher m;
        if ((m = FIRMWARE.matcher(text)).matches()) {
            return context.text("devices.history.reportsFirmware", m.group(1));
        }
        if ((m = RESULT.matcher(text)).matches()) {
            return texts.result(Integer.parseInt(m.group(1)));
        }
        if ((m = REPORTS.matcher(text)).matches()) {
            return "downloading".equals(state) && m.group(1) != null
                    ? context.text("devices.history.progress", Integer.parseInt(m.group(1))) : null;
        }
        if ("sent the download URL".equals(text) || CAMPAIGN_PHASE.matcher(text).matches()) {
            return null;
        }
        if ((m = DESIRED.matcher(text)).matches()) {
            return m.group(2) == null ? context.text("devices.history.desired", m.group(1)) // before actors were named
                    : context.text("devices.history.desiredBy", m.group(1), ActorNames.of(context.i18n(), m.group(2)));
        }
        if ((m = RETRY.matcher(text)).matches()) {
            String why = cause(state, m.group(3));
            return context.text("devices.history.retry", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    why == null ? m.group(3) : why);
        }
        if ((m = NO_PROGRESS.matcher(text)).matches()) {
            return context.text("devices.history.noProgress", Long.parseLong(m.group(1)));
        }
        if ((m = RETRIED_BY.matcher(text)).matches()) {
            return context.text("devices.history.retriedBy", ActorNames.of(context.i18n(), m.group(1)));
        }
        return switch (text) {
            case "campaign cancelled" -> context.text("devices.history.campaignCancelled");
            case "the device was given another update" -> context.text("devices.history.replaced");
            default -> text;
        };
    }
}
