package nl.fotadesk.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an event (and so a device's history entry) says, as a stable code with named arguments: the one
 * list of them, for the server that writes them and the app that words them in the user's language. The
 * English {@code detail} beside them is for scripts and may change; a code and its arguments do not.
 *
 * <p>Arguments: {@code phase} counts from 1; {@code at} is an ISO-8601 instant; {@code actorName} with
 * {@code actorRole} names who did it ({@value #API_KEY_ROLE} as the role for the server's API key);
 * {@code threshold} is a percentage. A code that gives a device its update ({@link #startsUpdate()}) may add
 * {@value #RUNS_ALREADY}: the device runs that version already, so there is nothing to download.
 */
public enum EventCode {
    // a campaign's state, and why (also the campaign's stateReason)
    CAMPAIGN_CREATED("campaign_created", "devices", "phases"),
    CAMPAIGN_STARTED("campaign_started"),
    STARTS_AT("starts_at", "at"),
    PAUSED_BY("paused_by", "actorName", "actorRole"),
    RESUMED_BY("resumed_by", "actorName", "actorRole"),
    CANCELLED_BY("cancelled_by", "actorName", "actorRole"),
    WINDOW_ENDED("window_ended", "at"),
    RETRYING_FAILED("retrying_failed", "devices"),
    ERROR_THRESHOLD_REACHED("error_threshold_reached", "phase", "failed", "total", "threshold"),
    SUCCESS_THRESHOLD_MISSED("success_threshold_missed", "phase", "succeeded", "total", "threshold"),
    CAMPAIGN_COMPLETED("campaign_completed", "succeeded", "failed"),
    /** Only a stateReason: a threshold paused the campaign, told to a user who sees part of it (it counts all). */
    THRESHOLD_OF_ALL("threshold_of_all", "phase"),
    // a phase
    PHASE_STARTED("phase_started", "phase"),
    PHASE_DONE("phase_done", "phase", "succeeded", "total"),
    // a device: why it was given an update, or why that ended
    GIVEN_BY_CAMPAIGN("given_by_campaign", "campaignName", "phase"),
    DESIRED_SET("desired_set", "version", "actorName", "actorRole"),
    RETRIED_BY("retried_by", "actorName", "actorRole"),
    RETRY_AFTER_FAILURE("retry_after_failure", "attempt", "maxAttempts", "fotaResult"),
    RETRY_AFTER_NO_PROGRESS("retry_after_no_progress", "attempt", "maxAttempts", "seconds"),
    NO_PROGRESS("no_progress", "seconds"),
    CANCELLED_WITH_CAMPAIGN("cancelled_with_campaign"),
    GIVEN_ANOTHER_UPDATE("given_another_update"),
    // a device: what its uplink reported
    REPORTS_FIRMWARE("reports_firmware", "version"),
    REPORTS_FAILURE("reports_failure", "fotaResult"),
    DOWNLOAD_URL_SENT("download_url_sent"),
    REPORTS_PROGRESS("reports_progress", "progress"),
    REPORTS_STATE("reports_state", "fotaState"),
    REPORTS_STATUS("reports_status"),
    // an update request
    REQUEST_DEVICES("request_devices", "devices"),
    REQUEST_CAMPAIGN("request_campaign", "campaignName", "devices"),
    /** The words a user wrote (a rejection's reason): shown as written. */
    REQUEST_REASON("request_reason", "text"),
    REQUEST_CHANGED("request_changed"),
    REQUEST_COMMENTED("request_commented");

    /** The optional argument of a code that gives a device its update: the version it runs already. */
    public static final String RUNS_ALREADY = "runsAlready";
    /** {@code actorRole} of the server's own API key, which is no user. */
    public static final String API_KEY_ROLE = "api_key";

    private final String wireName;
    private final List<String> args;

    EventCode(String wireName, String... args) {
        this.wireName = wireName;
        this.args = List.of(args);
    }

    public String wireName() {
        return wireName;
    }

    /** The names of the arguments it always carries, in the order {@link #detail} takes their values. */
    public List<String> args() {
        return args;
    }

    /** Whether it gives a device an update, so may carry {@value #RUNS_ALREADY}. */
    public boolean startsUpdate() {
        return this == GIVEN_BY_CAMPAIGN || this == DESIRED_SET || this == RETRIED_BY || this == RETRY_AFTER_FAILURE
                || this == RETRY_AFTER_NO_PROGRESS;
    }

    /** This code with its arguments' {@code values} (strings and numbers, in the order of {@link #args()}). */
    public EventDetail detail(String english, Object... values) {
        if (values.length != args.size() || Arrays.stream(values).anyMatch(v -> v == null)) {
            throw new IllegalArgumentException(wireName + " takes " + args + ", not " + Arrays.toString(values));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(args.get(i), values[i]);
        }
        return new EventDetail(this, named, english);
    }

    public static Optional<EventCode> fromWire(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
