package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A campaign's maintenance window: the hours ({@code from}, {@code to}, "HH:mm" local time in
 * {@code timeZone}) on the given {@code days} ("MON" … "SUN"; every day when absent) when it may start
 * phases and give devices new downloads. A window whose {@code to} is not after {@code from} runs over
 * midnight into the next day; {@code from} equal to {@code to} is the whole day. {@code endsAt} (ISO-8601,
 * optional) closes the window for good, as an approved request's latest end; with it the hours are optional
 * (any hour until then).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignWindow(String timeZone, List<String> days, String from, String to, String endsAt) {
    @JsonCreator
    public CampaignWindow {
    }

    /** Hours without an end. */
    public CampaignWindow(String timeZone, List<String> days, String from, String to) {
        this(timeZone, days, from, to, null);
    }
}
