package nl.fotadesk.protocol.api;

/** One device's update within a campaign. */
public record CampaignDeviceView(String imei, int phase, ActionState state, int attempts, Integer resultCode,
                                 Integer progress, String updatedAt) {
}
