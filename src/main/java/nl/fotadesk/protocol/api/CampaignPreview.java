package nl.fotadesk.protocol.api;

import java.util.List;

/**
 * What a campaign would target: {@code matched} devices meet the criteria, of which {@code otherType}
 * are of another device type and {@code alreadyCurrent} run the version already; {@code unknownImeis}
 * are listed IMEIs that are not registered; {@code targeted} are updated, in phases of
 * {@code phaseSizes}. {@code conflicts} must be empty to start. {@code devices} is one page of the
 * targeted devices, in the order of the phases, from the offset the preview was asked for.
 */
public record CampaignPreview(int matched, int otherType, int alreadyCurrent, List<String> unknownImeis,
                              int targeted, List<Integer> phaseSizes, List<CampaignConflict> conflicts,
                              List<TargetedDevice> devices) {
}
