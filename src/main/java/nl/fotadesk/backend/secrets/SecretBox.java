package nl.fotadesk.backend.secrets;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals values for storage with AES-256-GCM under the master key: a random 96-bit nonce per value and
 * the value's place (e.g. {@code device-secret/<imei>}) as associated data, so a sealed value copied
 * into another row does not open there. Stored form: {@code aes1:} + base64(nonce, ciphertext, tag).
 * Clear values of older versions never contain {@code :} (device secrets are {@code [0-9A-Za-z]},
 * the signing secret is base64, tokens are JWTs), so the prefix tells the two apart.
 */
public final class SecretBox {
    static final String PREFIX = "aes1:";
    /** A SQL LIKE pattern that matches sealed values (to find clear ones left by older versions). */
    public static final String SEALED_LIKE = PREFIX + "%";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /** Values opened recently: every uplink needs its device's secret, and opening costs a cipher set-up. */
    private static final int MAX_OPENED = 65_536;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    public SecretBox(byte[] masterKey) {
        if (masterKey.length != MasterKey.KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + MasterKey.KEY_BYTES + " bytes");
        }
        key = new SecretKeySpec(masterKey, "AES");
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String clear, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SealedValueException when {@code stored} is not sealed, or not by this key for this context */
    public String open(String stored, String context) {
        // keyed by value and context: a value moved to another context still fails to open there
        String key = context + '\n' + stored;
        String clear = opened.get(key);
        if (clear == null) {
            clear = openNow(stored, context);
            if (opened.size() >= MAX_OPENED) {
                opened.clear();
            }
            opened.put(key, clear);
        }
        return clear;
    }

    private String openNow(String stored, String context) {
        if (!isSealed(stored)) {
            throw new SealedValueException("the value for " + context + " is not sealed");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("the sealed value for " + context + " is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("the sealed value for " + context + " is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES), context);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedValueException("the sealed value for " + context + " does not open with this master key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
