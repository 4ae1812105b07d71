package nl.fotadesk.device;

/**
 * Faults a simulated device suffers, for testing the backend and showing failures in the demo.
 *
 * @param corruptPart   chance that a received part has flipped bytes (the CRC check catches it)
 * @param dropPart      chance that the connection drops in the middle of a part
 * @param bytesPerSecond link speed, 0 for no limit
 * @param rebootAt      once the download passes this fraction (0..1) the device reboots; negative: never
 * @param installFails  the install fails (result 8)
 * @param flashBytes    free flash; an image larger than this is refused (result 2); 0 for no limit
 * @param silentAfterDownlink the device goes silent once it got its first downlink
 */
public record DeviceFaults(double corruptPart, double dropPart, long bytesPerSecond, double rebootAt,
                           boolean installFails, long flashBytes, boolean silentAfterDownlink) {
    public static final DeviceFaults NONE = new DeviceFaults(0, 0, 0, -1, false, 0, false);
}
