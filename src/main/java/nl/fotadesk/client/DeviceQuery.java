package nl.fotadesk.client;

import nl.fotadesk.protocol.api.DeviceStatus;

/**
 * Which devices {@link FotaDeskClient#devices(DeviceQuery)} lists: every given criterion must match
 * (null matches anything); {@code firmware} is the reported version; one page of {@code limit}
 * devices (null: the server's default) from {@code offset}; {@code imeiDigits} matches IMEIs that contain these
 * digits anywhere. Start from {@link #ALL}.
 */
public record DeviceQuery(String client, String deviceType, DeviceStatus status, String firmware,
                          String imeiDigits, int offset, Integer limit) {
    public static final DeviceQuery ALL = new DeviceQuery(null, null, null, null, null, 0, null);

    public DeviceQuery withClient(String value) {
        return new DeviceQuery(value, deviceType, status, firmware, imeiDigits, offset, limit);
    }

    public DeviceQuery withDeviceType(String value) {
        return new DeviceQuery(client, value, status, firmware, imeiDigits, offset, limit);
    }

    public DeviceQuery withStatus(DeviceStatus value) {
        return new DeviceQuery(client, deviceType, value, firmware, imeiDigits, offset, limit);
    }

    public DeviceQuery withFirmware(String value) {
        return new DeviceQuery(client, deviceType, status, value, imeiDigits, offset, limit);
    }

    public DeviceQuery withImeiContaining(String value) {
        return new DeviceQuery(client, deviceType, status, firmware, value, offset, limit);
    }

    public DeviceQuery page(int pageOffset, int pageLimit) {
        return new DeviceQuery(client, deviceType, status, firmware, imeiDigits, pageOffset, pageLimit);
    }
}
