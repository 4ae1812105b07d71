package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.time.Instant;

/**
 * One device's update in a campaign: its place (campaign, device, phase, position in the phase), its
 * own {@link Status}, and what its device reports beside it ({@link DeviceReport}), so the engine can
 * reconcile the two.
 */
public record ActionRow(String campaignId, String imei, int phase, int position, Status status, DeviceReport device) {

    /** The action's own state, as {@link CampaignStore#updateAction} writes it. */
    public record Status(ActionState state, int attempts, int roundFirstAttempt, String downloadId, Integer resultCode,
                         Integer progress, Long bytesServed, Instant lastProgressAt, Instant updatedAt) {

        /**
         * Attempt number {@code attempt} on a download just given, in the round (a phase's start or an
         * operator's retry) that began with attempt {@code roundFirstAttempt}; a null {@code downloadId}
         * means the device has the image already, so the update succeeded.
         */
        public static Status given(String downloadId, int attempt, int roundFirstAttempt, Instant now) {
            return new Status(downloadId == null ? ActionState.SUCCEEDED : ActionState.PENDING, attempt,
                    roundFirstAttempt, downloadId, null, null, null, now, now);
        }

        /** The attempts of the current round, the first included: the campaign's retry budget counts these. */
        public int attemptsThisRound() {
            return attempts - roundFirstAttempt + 1;
        }

        /** The device moved on: its state, progress and result as it reports them. */
        public Status following(ActionState seen, DeviceReport device, Instant lastProgress, Instant now) {
            return new Status(seen, attempts, roundFirstAttempt, downloadId, device.result(), device.progress(), device.bytesServed(),
                    lastProgress, now);
        }

        /** This attempt ends in {@code end} (failed, timed out, cancelled) at {@code at}; its progress is kept. */
        public Status ended(ActionState end, Integer result, Instant at) {
            return new Status(end, attempts, roundFirstAttempt, downloadId, result, progress, bytesServed, at, at);
        }
    }

    /** What the device itself reports for its current update: status, download, progress, result and bytes served. */
    public record DeviceReport(DeviceStatus status, String downloadId, Integer progress, Integer result,
                               Long bytesServed) {
    }
}
