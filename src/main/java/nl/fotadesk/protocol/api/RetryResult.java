package nl.fotadesk.protocol.api;

/** Answer of retrying a campaign's failed devices: how many got a new attempt, and the campaign now. */
public record RetryResult(int retried, CampaignView campaign) {
}
