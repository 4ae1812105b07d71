package nl.fotadesk.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The uplink's {@code Things-Message-Token}: lowercase hex of SHA-256(body bytes, then secret bytes). */
public final class MessageToken {
    public static final String HEADER = "Things-Message-Token";

    private static final HexFormat HEX = HexFormat.of();
    private static final int DIGEST_LENGTH = 32;

    private MessageToken() {
    }

    public static String compute(byte[] body, String secret) {
        return HEX.formatHex(digest(body, secret));
    }

    /**
     * Whether {@code token} is the right one for this body and secret. Upper- or lowercase hex is
     * accepted; the comparison takes the same time wherever the first difference is, so a sender
     * cannot find the token byte by byte.
     */
    public static boolean verify(byte[] body, String secret, String token) {
        if (body == null || secret == null || token == null || token.length() != 2 * DIGEST_LENGTH) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(token);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(digest(body, secret), given);
    }

    private static byte[] digest(byte[] body, String secret) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(body);
        return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
