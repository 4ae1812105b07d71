package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which devices a campaign updates: every given criterion must match (client, device type, group,
 * IMEI list); only devices of the firmware's device type are taken. {@code cap} limits the number,
 * picked at random ({@code capOrder} "random", the default) or in IMEI order ("imei").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignTarget(String client, String deviceType, String groupId, List<String> imeis,
                             Integer cap, String capOrder) {
}
