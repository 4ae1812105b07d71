package nl.fotadesk.ui;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.EventView;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an event says, from its code and arguments, in the user's language: each code has one text, whose
 * {@code {0}}, {@code {1}}, … are its arguments in the order {@link EventCode#args()} lists them. Events
 * written before codes were have none: their English detail is put in words by pattern elsewhere.
 */
public final class EventTexts {
    private static final int HIGHEST_RESULT = 11;
    private static final Map<EventCode, String> KEYS = new EnumMap<>(EventCode.class);

    static {
        key(EventCode.CAMPAIGN_CREATED, "campaigns.reason.created");
        key(EventCode.CAMPAIGN_STARTED, "campaigns.reason.started");
        key(EventCode.STARTS_AT, "campaigns.reason.startsAt");
        key(EventCode.PAUSED_BY, "campaigns.reason.pausedBy");
        key(EventCode.RESUMED_BY, "campaigns.reason.resumedBy");
        key(EventCode.CANCELLED_BY, "campaigns.reason.cancelledBy");
        key(EventCode.WINDOW_ENDED, "campaigns.reason.windowEnded");
        key(EventCode.RETRYING_FAILED, "campaigns.reason.retrying");
        key(EventCode.ERROR_THRESHOLD_REACHED, "campaigns.reason.errorThreshold");
        key(EventCode.SUCCESS_THRESHOLD_MISSED, "campaigns.reason.successThreshold");
        key(EventCode.CAMPAIGN_COMPLETED, "campaigns.reason.completed");
        key(EventCode.THRESHOLD_OF_ALL, "campaigns.reason.thresholdOfAll");
        key(EventCode.PHASE_STARTED, "campaigns.reason.phaseStarted");
        key(EventCode.PHASE_DONE, "campaigns.reason.phaseDone");
        key(EventCode.GIVEN_BY_CAMPAIGN, "devices.history.givenByCampaign");
        key(EventCode.DESIRED_SET, "devices.history.desiredBy");
        key(EventCode.RETRIED_BY, "devices.history.retriedBy");
        key(EventCode.RETRY_AFTER_FAILURE, "devices.history.retry");
        key(EventCode.RETRY_AFTER_NO_PROGRESS, "devices.history.retryNoProgress");
        key(EventCode.NO_PROGRESS, "devices.history.noProgress");
        key(EventCode.CANCELLED_WITH_CAMPAIGN, "devices.history.campaignCancelled");
        key(EventCode.GIVEN_ANOTHER_UPDATE, "devices.history.replaced");
        key(EventCode.REPORTS_FIRMWARE, "devices.history.reportsFirmware");
        key(EventCode.REPORTS_FAILURE, "devices.history.reportsFailure");
        key(EventCode.DOWNLOAD_URL_SENT, "devices.history.urlSent");
        key(EventCode.REPORTS_PROGRESS, "devices.history.progress");
        key(EventCode.REPORTS_STATE, "devices.history.reportsState");
        key(EventCode.REPORTS_STATUS, "devices.history.reportsStatus");
        key(EventCode.REQUEST_DEVICES, "requests.event.devices");
        key(EventCode.REQUEST_CAMPAIGN, "requests.event.campaign");
        key(EventCode.REQUEST_REASON, "requests.event.reason");
        key(EventCode.REQUEST_CHANGED, "requests.event.changed");
        key(EventCode.REQUEST_COMMENTED, "requests.event.commented");
    }

    private EventTexts() {
    }

    private static void key(EventCode code, String key) {
        KEYS.put(code, key);
    }

    /** The key of the code's text. */
    public static String key(EventCode code) {
        return KEYS.get(code);
    }

    /** The event's code when this app knows it and the event has all of its arguments; empty for an older event. */
    public static Optional<EventCode> known(EventView e) {
        return known(e.code(), e.args());
    }

    /** {@code code} when this app knows it and {@code args} hold all of its arguments; else empty. */
    public static Optional<EventCode> known(String code, Map<String, Object> args) {
        return Optional.ofNullable(code).flatMap(EventCode::fromWire)
                .filter(c -> args != null && args.keySet().containsAll(c.args()));
    }

    /** What the event says, with that the device runs the version already where it does; null for an older event. */
    public static String text(I18n i18n, EventView e) {
        return known(e).map(code -> joined(i18n, said(i18n, code, e.args()), runsAlready(i18n, e.args()))).orElse(null);
    }

    /** The code's own text with {@code args} (which hold all of the code's). */
    public static String said(I18n i18n, EventCode code, Map<String, Object> args) {
        return i18n.get(KEYS.get(code), code.args().stream().map(name -> value(i18n, name, args)).toArray());
    }

    /** "It runs 2.0.0 already: nothing to download", when the arguments say so; else null. */
    public static String runsAlready(I18n i18n, Map<String, Object> args) {
        Object version = args.get(EventCode.RUNS_ALREADY);
        return version == null ? null : i18n.get("devices.history.runsAlready", version);
    }

    /** Two sentences as one line; either may be null. */
    public static String joined(I18n i18n, String first, String second) {
        return first == null ? second : second == null ? first : i18n.get("devices.history.joined", first, second);
    }

    /** An LwM2M firmware update result code (object 5, resource 5) in words. */
    public static String result(I18n i18n, int code) {
        return code >= 0 && code <= HIGHEST_RESULT ? i18n.get("devices.result." + code)
                : i18n.get("devices.resultUnknown", code);
    }

    /** An argument as its text shows it: numbers as numbers (for plural forms), times, results and actors in words. */
    private static Object value(I18n i18n, String name, Map<String, Object> args) {
        Object v = args.get(name);
        return switch (name) {
            case "actorName" -> ActorNames.of(i18n, String.valueOf(v), String.valueOf(args.get("actorRole")));
            case "actorRole" -> ActorNames.role(i18n, String.valueOf(v));
            case "at" -> dateTime(i18n, String.valueOf(v));
            case "fotaResult" -> v instanceof Number n ? result(i18n, n.intValue()) : v;
            default -> v instanceof Number n ? (Object) n.longValue() : v;
        };
    }

    private static String dateTime(I18n i18n, String iso) {
        try {
            return i18n.dateTime(iso);
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
