package nl.fotadesk.protocol;

import java.util.random.RandomGenerator;

/** A device's shared secret for message tokens: 30 to 100 characters of {@code [0-9A-Za-z]}. */
public final class DeviceSecret {
    private static final int MIN_LENGTH = 30;
    private static final int MAX_LENGTH = 100;
    private static final int GENERATED_LENGTH = 40;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private DeviceSecret() {
    }

    public static boolean isValid(String s) {
        return s != null && s.length() >= MIN_LENGTH && s.length() <= MAX_LENGTH && firstInvalid(s) < 0;
    }

    /** Returns {@code s} when valid; the message never echoes the secret, only what is wrong with it. */
    public static String requireValid(String s) {
        if (s == null) {
            throw new InvalidSecretException("device secret is missing");
        }
        if (s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) {
            throw new InvalidSecretException("device secret must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters, got " + s.length());
        }
        int bad = firstInvalid(s);
        if (bad >= 0) {
            throw new InvalidSecretException("device secret may only hold 0-9, A-Z and a-z, has a character "
                    + "outside them at position " + (bad + 1));
        }
        return s;
    }

    /** A new secret of 40 characters; pass a {@link java.security.SecureRandom} for real devices. */
    public static String generate(RandomGenerator random) {
        char[] c = new char[GENERATED_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    private static int firstInvalid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return i;
            }
        }
        return -1;
    }
}
