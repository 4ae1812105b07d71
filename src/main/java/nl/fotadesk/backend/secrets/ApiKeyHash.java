package nl.fotadesk.backend.secrets;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The stored form of the management API key: PBKDF2-HMAC-SHA256 with a random salt, as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The key's SHA-256 (hex) is what is
 * stretched, so the unsalted SHA-256 that older versions stored is upgraded without knowing the key.
 */
public final class ApiKeyHash {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; stored with each hash, so it can be raised later. */
    public static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private ApiKeyHash() {
    }

    /** The stored form of {@code key}, stretched with {@code iterations} (in production {@link #ITERATIONS}). */
    public static String of(String key, int iterations) {
        return stretch(sha256Hex(key), iterations);
    }

    /** The stored form of a key older versions kept only as its unsalted SHA-256 in hex. */
    public static String ofLegacySha256(String sha256Hex, int iterations) {
        return stretch(sha256Hex, iterations);
    }

    /** True when {@code stored} is this key's hash; false for any other key or a malformed value. */
    public static boolean verifies(String stored, String key) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, pbkdf2(sha256Hex(key), salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stretch(String sha256Hex, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(sha256Hex, salt, iterations));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
