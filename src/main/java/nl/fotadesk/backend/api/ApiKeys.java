package nl.fotadesk.backend.api;

import nl.fotadesk.backend.store.SettingsStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** The management API key: only its SHA-256 is stored, so a copied database does not leak it. */
public final class ApiKeys {
    static final String SETTING = "api_key_sha256";
    private final byte[] hash;

    private ApiKeys(byte[] hash) {
        this.hash = hash;
    }

    /**
     * Uses {@code configured} (and stores it) when given; else the stored key; else generates one.
     * @return the keys, and the key in clear text when it was generated now (to be printed once)
     */
    public static Result setUp(SettingsStore settings, String configured) {
        if (configured != null) {
            settings.put(SETTING, hex(sha256(configured)));
            return new Result(new ApiKeys(sha256(configured)), Optional.empty());
        }
        Optional<String> stored = settings.get(SETTING);
        if (stored.isPresent()) {
            return new Result(new ApiKeys(HexFormat.of().parseHex(stored.get())), Optional.empty());
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        settings.put(SETTING, hex(sha256(key)));
        return new Result(new ApiKeys(sha256(key)), Optional.of(key));
    }

    public record Result(ApiKeys keys, Optional<String> generatedKey) {
    }

    public boolean accepts(String key) {
        return key != null && MessageDigest.isEqual(hash, sha256(key));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
