package nl.fotadesk.protocol;

import java.util.Set;

/**
 * The names of the SenML records in which a device's uplink reports its update; every other record
 * is telemetry.
 */
public final class UplinkRecords {
    /** The firmware version the device runs ({@code vs}). */
    public static final String FIRMWARE = "firmware";
    /** Its {@link FotaState} ({@code vs}). */
    public static final String FOTA_STATE = "fotaState";
    /** How far its download is, in percent ({@code v}). */
    public static final String FOTA_PROGRESS = "fotaProgress";
    /** Its last {@link UpdateResult} code ({@code v}). */
    public static final String FOTA_RESULT = "fotaResult";
    /** Every update record. */
    public static final Set<String> ALL = Set.of(FIRMWARE, FOTA_STATE, FOTA_PROGRESS, FOTA_RESULT);

    private UplinkRecords() {
    }
}
