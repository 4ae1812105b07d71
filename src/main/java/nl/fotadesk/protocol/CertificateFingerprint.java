package nl.fotadesk.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} and {@code keytool}
 * print it ({@code AB:CD:...}): the server logs it, the app shows it and remembers it, so an operator
 * can compare the two by eye.
 */
public final class CertificateFingerprint {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // every JDK has SHA-256, and a certificate that was parsed can be encoded again
            throw new IllegalStateException(e);
        }
    }

    /**
     * The fingerprint in the form {@link #sha256} gives, from any usual spelling (colons, spaces or
     * none, either case, an optional {@code SHA256:} prefix).
     * @throws IllegalArgumentException when it is not 32 bytes in hex
     */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.trim().replaceFirst("(?i)^sha-?256\\s*(fingerprint)?\\s*[:=]?", "")
                .replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + fingerprint);
        }
        return COLONS.formatHex(HexFormat.of().parseHex(hex));
    }
}
