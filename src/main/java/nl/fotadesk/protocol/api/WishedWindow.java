package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * When a requester wishes an update to run: not before {@code earliestStart}, done by {@code latestEnd}
 * (ISO-8601 instants, each optional), and within the allowed hours ({@code timeZone}, {@code days},
 * {@code from}, {@code to}, as a {@link CampaignWindow}; optional as a whole).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishedWindow(String earliestStart, String latestEnd, String timeZone, List<String> days, String from,
                           String to) {
    /** The allowed hours until the latest end as a campaign's maintenance window; null when neither is given. */
    public CampaignWindow campaignWindow() {
        return timeZone == null && days == null && from == null && to == null && latestEnd == null ? null
                : new CampaignWindow(timeZone, days, from, to, latestEnd);
    }
}
