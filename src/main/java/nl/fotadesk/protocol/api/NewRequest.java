package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An update request's JSON part (the firmware file is the other part): the image's device type and
 * version, release notes, the devices (a target as campaigns have one), the wished window and whom to contact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRequest(String deviceType, String version, String releaseNotes, CampaignTarget target,
                         WishedWindow window, String contact) {
}
