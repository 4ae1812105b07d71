package nl.fotadesk.protocol;

import java.util.Objects;

/** The base name a device sends as its identity: {@code urn:dev:IMEI:<imei>:} (trailing colon included). */
public final class DeviceUrn {
    private static final String PREFIX = "urn:dev:IMEI:";
    private static final String SUFFIX = ":";

    private DeviceUrn() {
    }

    /** The base name for an IMEI; the IMEI is not checked here ({@link #imeiOf} checks it). */
    public static String of(String imei) {
        return PREFIX + Objects.requireNonNull(imei, "imei") + SUFFIX;
    }

    /** The IMEI in a device's base name; the prefix is case-sensitive, as devices send it byte for byte. */
    public static String imeiOf(String baseName) {
        if (baseName == null) {
            throw new InvalidImeiException("base name is missing");
        }
        if (!baseName.startsWith(PREFIX)) {
            throw new InvalidImeiException("base name " + Messages.quote(baseName) + " must start with \"" + PREFIX + "\"");
        }
        if (!baseName.endsWith(SUFFIX) || baseName.length() == PREFIX.length()) {
            throw new InvalidImeiException("base name " + Messages.quote(baseName) + " must end with \"" + SUFFIX
                    + "\" after the IMEI");
        }
        String imei = baseName.substring(PREFIX.length(), baseName.length() - SUFFIX.length());
        try {
            return Imei.requireValid(imei);
        } catch (InvalidImeiException e) {
            throw new InvalidImeiException("base name " + Messages.quote(baseName) + ": " + e.getMessage());
        }
    }
}
