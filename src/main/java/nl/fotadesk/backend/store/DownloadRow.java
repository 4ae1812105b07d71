package nl.fotadesk.backend.store;

/** A device's download of one firmware image, joined with the image it serves. */
public record DownloadRow(String id, String imei, boolean active, int requestCount, long bytesServed,
                          FirmwareRow firmware) {
}
