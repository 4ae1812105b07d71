package nl.fotadesk.protocol.api;

import java.util.List;

/**
 * An update request as its requester and the operators see it: what was asked (image, devices, window,
 * contact), where it stands with its history and comment thread, and once approved its campaign.
 * {@code deviceCount} counts the devices of the target that are in the requester's scope and need the version.
 */
public record RequestView(String id, RequestState state, String requestedBy, String client, String deviceType,
                          String version, String releaseNotes, CampaignTarget target, WishedWindow window,
                          String contact, String fileName, long size, String sha256, String crc32,
                          int deviceCount, String reason, String campaignId, RequestCampaign campaign,
                          String createdAt, String updatedAt, List<RequestStep> history,
                          List<RequestComment> comments) {
}
