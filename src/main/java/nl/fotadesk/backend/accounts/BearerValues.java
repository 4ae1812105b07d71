package nl.fotadesk.backend.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Session and personal token values: 256 random bits with a prefix that says which; stored as SHA-256. */
final class BearerValues {
    static final String SESSION_PREFIX = "fds_";
    static final String TOKEN_PREFIX = "fdt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerValues() {
    }

    static String newSession() {
        return random(SESSION_PREFIX);
    }

    static String newToken() {
        return random(TOKEN_PREFIX);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
