package nl.fotadesk.protocol.api;

import java.util.List;

/**
 * What an operator checks before deciding on a request: the facts of its image, of the devices it
 * resolves to, and a rollout plan prefilled from the defaults and the requester's wishes.
 */
public record RequestReview(ImageFacts image, DeviceFacts devices, RolloutPlan plan) {

    /**
     * The image: its size and checksums; whether its version exists already for the device type (and
     * with the same bytes), how many targeted devices run a newer version, and the stored images with
     * identical bytes.
     */
    public record ImageFacts(long size, String sha256, String crc32, boolean versionExists, boolean sameBytesAsThatVersion,
                             int devicesOnNewerVersion, List<FirmwareRef> identicalTo) {
    }

    /** A stored firmware image, by id, device type and version. */
    public record FirmwareRef(String id, String deviceType, String version) {
    }

    /**
     * The devices: those the campaign would update; those of the target outside the requester's scope
     * (refused), unknown, of another type or on the version already; those another campaign holds; and
     * those not seen for {@code staleDays} days or more (or never), with a few IMEIs of each.
     */
    public record DeviceFacts(int targeted, int outsideScope, List<String> someOutsideScope, List<String> unknownImeis,
                              int otherType, int alreadyCurrent, List<CampaignConflict> heldByCampaigns,
                              int staleDays, int notSeen, List<String> someNotSeen) {
    }
}
