package nl.fotadesk.backend.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import nl.fotadesk.backend.domain.Invalid;

import java.util.Locale;
import java.util.Set;

/**
 * User passwords: the strength rule they must meet, and their bcrypt hashes. Passwords longer than
 * bcrypt's 72 bytes are pre-hashed with SHA-512 (the library's strategy) rather than cut off.
 */
public final class Passwords {
    /** bcrypt's work factor for new hashes: about a quarter of a second on a 2-core server. */
    public static final int COST = 12;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** The most common passwords of sufficient length; a longer list would live in a file. */
    private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "qwertyuiopas",
            "passwordpassword", "password1234", "password12345", "administrator", "letmeinletmein",
            "welcome12345", "iloveyou1234", "qwerty123456", "abcdefghijkl", "aaaaaaaaaaaa");

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    /** Checked against when a username does not exist, so a wrong name takes as long as a wrong password. */
    private final String dummyHash;

    /** @param cost bcrypt's work factor; tests use the minimum, 4 */
    public Passwords(int cost) {
        this.cost = cost;
        hasher = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
        verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
        dummyHash = hash("not a password of anyone");
    }

    /**
     * Refuses a password that does not meet the rule: {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     * characters, not containing the username, not one character repeated, not a well-known password.
     */
    public static void checkStrength(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw Invalid.field("password", "a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw Invalid.field("password", "a password has " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters; this one has " + length);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw Invalid.field("password", "a password may not contain the username");
        }
        if (password.codePoints().distinct().count() < 4 || COMMON.contains(lower)) {
            throw Invalid.field("password", "this password is too easy to guess; choose a longer or less common one");
        }
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean verifies(String hash, String password) {
        return verifyer.verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of one verification, for a username that does not exist. */
    public void verifyNothing(String password) {
        verifies(dummyHash, password);
    }
}
