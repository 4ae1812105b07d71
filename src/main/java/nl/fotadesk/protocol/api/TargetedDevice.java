package nl.fotadesk.protocol.api;

/** A device a campaign would update: its IMEI, device type and the firmware it reports now (null when none yet). */
public record TargetedDevice(String imei, String deviceType, String firmware) {
}
