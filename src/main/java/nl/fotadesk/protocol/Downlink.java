package nl.fotadesk.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The downlink: the SenML pack answering an uplink when the device has an update waiting.
 *
 * @param baseName the {@code bn} the device sent, reproduced byte for byte (the vendor's library compares it)
 * @param url      where to download the firmware
 * @param token    the download's bearer token (a JWT)
 * @param version  extension {@code fotaVersion}, or null to leave it out
 * @param size     extension {@code fotaSize} in bytes, or null to leave it out
 * @param sha256   extension {@code fotaSha256} (hex), or null to leave it out
 */
public record Downlink(String baseName, String url, String token, String version, Long size, String sha256) {
    /** A whole number of bytes that a double holds exactly. */
    private static final double MAX_EXACT_SIZE = 0x1p53;

    public Downlink {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** Only what the vendor's service sends: no extension records. */
    public static Downlink vendorStrict(String baseName, String url, String token) {
        return new Downlink(baseName, url, token, null, null, null);
    }

    /** The pack as UTF-8 JSON without whitespace; each null extension field is left out. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("bn", baseName);
            g.writeEndObject();
            writeString(g, "url", url);
            writeString(g, "token", token);
            if (version != null) {
                writeString(g, "fotaVersion", version);
            }
            if (size != null) {
                g.writeStartObject();
                g.writeStringField("n", "fotaSize");
                g.writeNumberField("v", size);
                g.writeEndObject();
            }
            if (sha256 != null) {
                writeString(g, "fotaSha256", sha256);
            }
            g.writeEndArray();
        } catch (IOException e) {
            // Writing to a byte array cannot fail, and Jackson escapes even lone surrogates.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The downlink in an uplink's answer, as a device reads it: empty when there is none for this
     * device (an empty body, another {@code bn}, or no {@code url} or {@code token} string).
     *
     * @param expectedBaseName the {@code bn} this device sends; compared byte for byte
     * @throws SenmlException when the body is not valid SenML, or its {@code fotaSize} is not a byte count
     */
    public static Optional<Downlink> parse(byte[] json, String expectedBaseName) {
        Objects.requireNonNull(expectedBaseName, "expectedBaseName");
        if (json == null || isBlank(json)) {
            return Optional.empty();
        }
        SenmlPack pack = SenmlPack.parse(json, System.currentTimeMillis() / 1000.0);
        if (!expectedBaseName.equals(pack.firstBaseName())) {
            return Optional.empty();
        }
        String url = stringField(pack, "url");
        String token = stringField(pack, "token");
        if (url == null || token == null) {
            return Optional.empty();
        }
        Double size = pack.findField("fotaSize").map(SenmlRecord::value).orElse(null);
        if (size != null && !(size >= 0 && size <= MAX_EXACT_SIZE && size == Math.rint(size))) {
            throw new SenmlException("fotaSize " + Messages.number(size) + " is not a number of bytes");
        }
        return Optional.of(new Downlink(expectedBaseName, url, token, stringField(pack, "fotaVersion"),
                size == null ? null : size.longValue(), stringField(pack, "fotaSha256")));
    }

    private static void writeString(JsonGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("n", name);
        g.writeStringField("vs", value);
        g.writeEndObject();
    }

    /** The field's {@code vs}: the vendor's library reads string values from {@code vs} only. */
    private static String stringField(SenmlPack pack, String name) {
        return pack.findField(name).map(SenmlRecord::stringValue).orElse(null);
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
