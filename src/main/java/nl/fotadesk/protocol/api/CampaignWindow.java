package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A campaign's maintenance window: the hours ({@code from}, {@code to}, "HH:mm" local time in
 * {@code timeZone}) on the given {@code days} ("MON" … "SUN"; every day when absent) when it may start
 * phases and give devices new downloads. A window whose {@code to} is not after {@code from} runs over
 * midnight into the next day; {@code from} equal to {@code to} is the whole day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignWindow(String timeZone, List<String> days, String from, String to) {
}
