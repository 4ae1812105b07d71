package nl.fotadesk.device;

/** Who a device is: its IMEI, the secret it signs uplinks with, and how it is registered. */
public record DeviceIdentity(String imei, String secret, String deviceType, String client, String firmware) {
}
