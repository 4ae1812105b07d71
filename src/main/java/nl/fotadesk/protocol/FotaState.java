package nl.fotadesk.protocol;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The device side of an update (LwM2M object 5 states, plus the reboot into the new image), as devices
 * report it in the {@code fotaState} uplink record. Every move goes through {@link #canMoveTo}, so an
 * impossible transition is a bug caught at once.
 */
public enum FotaState {
    IDLE, DOWNLOADING, DOWNLOADED, UPDATING, REBOOTING;

    /** The value of the {@code fotaState} uplink record (REBOOTING is never reported: the device is away). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a {@code fotaState} value names; empty for a value this protocol does not define. */
    public static Optional<FotaState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }

    public boolean canMoveTo(FotaState next) {
        return next(this).contains(next);
    }

    private static Set<FotaState> next(FotaState s) {
        return switch (s) {
            case IDLE -> EnumSet.of(DOWNLOADING);
            // back to IDLE when the download fails, is cancelled, or the image is corrupt
            case DOWNLOADING -> EnumSet.of(DOWNLOADED, IDLE);
            case DOWNLOADED -> EnumSet.of(UPDATING, IDLE);
            // IDLE when the install fails, REBOOTING into the new image when it succeeds
            case UPDATING -> EnumSet.of(REBOOTING, IDLE);
            case REBOOTING -> EnumSet.of(IDLE);
        };
    }
}
