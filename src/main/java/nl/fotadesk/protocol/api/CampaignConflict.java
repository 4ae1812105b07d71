package nl.fotadesk.protocol.api;

import java.util.List;

/** Devices a new campaign shares with a campaign that holds them (scheduled, running or paused). */
public record CampaignConflict(String campaignId, String campaignName, int devices, List<String> someImeis) {
}
