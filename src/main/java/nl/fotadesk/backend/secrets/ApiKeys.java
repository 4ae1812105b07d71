package nl.fotadesk.backend.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The management API key, stored only as a salted slow hash ({@link ApiKeyHash}). The slow hash runs
 * once per distinct presented key: a key that verified is remembered by its HMAC under a key that lives
 * only in this process, so checking it again costs microseconds; a key that failed is remembered too.
 * The stored hash is re-read every few seconds, so a key replaced through another node holds here too.
 */
public final class ApiKeys {
    static final String SETTING = "api_key_pbkdf2";
    /** What versions before the slow hash stored: the key's unsalted SHA-256 in hex. */
    static final String LEGACY_SETTING = "api_key_sha256";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final Duration REREAD = Duration.ofSeconds(5);
    /** Rejected keys remembered per stored hash; a rate-limited client cannot get far past this. */
    private static final int REMEMBERED_REJECTIONS = 1024;
    /** How long a request waits for its turn at the slow hash (one at a time, so it never takes every core). */
    private static final Duration SLOW_CHECK_WAIT = Duration.ofSeconds(5);

    /** The outcome of checking a presented key. */
    public enum Verdict { ACCEPTED, REJECTED, BUSY }

    /** What is known about the stored hash as read at {@code readAt}. */
    private record Known(String storedHash, Instant readAt, byte[] accepted, Set<String> rejected) {
        static Known of(String storedHash, Instant readAt, byte[] accepted) {
            return new Known(storedHash, readAt, accepted, Collections.synchronizedSet(Collections.newSetFromMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                            return size() > REMEMBERED_REJECTIONS;
                        }
                    })));
        }
    }

    private final SettingValues settings;
    private final Clock clock;
    private final SecretKeySpec digestKey;
    private final ThreadLocal<Mac> macs;
    private final ReentrantLock slowCheck = new ReentrantLock();
    private volatile Known known;

    private ApiKeys(SettingValues settings, Clock clock, String storedHash, String verifiedKey) {
        this.settings = settings;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        digestKey = new SecretKeySpec(key, "HmacSHA256");
        macs = ThreadLocal.withInitial(this::newMac);
        known = Known.of(storedHash, clock.instant(), verifiedKey == null ? null : digest(verifiedKey));
    }

    /**
     * Uses {@code configured} when given: the stored hash is kept when it verifies it (several nodes given
     * the same key agree), else replaced (logged). Without it, the stored key is used, or one is generated.
     * A hash of the unsalted SHA-256 older versions stored is upgraded to the slow hash first.
     *
     * @param iterations PBKDF2's iterations for a hash stored now ({@link ApiKeyHash#ITERATIONS} but in tests)
     * @return the keys, and the key in clear text when it was generated now (to be printed once)
     */
    public static Result setUp(SettingValues settings, String configured, int iterations, Clock clock) {
        settings.get(LEGACY_SETTING).ifPresent(legacy -> {
            settings.getOrCreate(SETTING, () -> ApiKeyHash.ofLegacySha256(legacy, iterations));
            settings.delete(LEGACY_SETTING);
        });
        AtomicReference<String> ours = new AtomicReference<>();
        if (configured != null) {
            String stored = settings.getOrCreate(SETTING, () -> {
                ours.set(ApiKeyHash.of(configured, iterations));
                return ours.get();
            });
            if (!stored.equals(ours.get()) && !ApiKeyHash.verifies(stored, configured)) {
                stored = ApiKeyHash.of(configured, iterations);
                settings.put(SETTING, stored);
                LOG.warn("The API key given to this node differs from the stored one: the stored key is replaced,"
                        + " and clients or nodes using the old key are refused from now on");
            }
            return new Result(new ApiKeys(settings, clock, stored, configured), Optional.empty());
        }
        AtomicReference<String> generated = new AtomicReference<>();
        String stored = settings.getOrCreate(SETTING, () -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            generated.set(HexFormat.of().formatHex(random));
            ours.set(ApiKeyHash.of(generated.get(), iterations));
            return ours.get();
        });
        boolean generatedHere = stored.equals(ours.get());
        return new Result(new ApiKeys(settings, clock, stored, generatedHere ? generated.get() : null),
                generatedHere ? Optional.of(generated.get()) : Optional.empty());
    }

    public record Result(ApiKeys keys, Optional<String> generatedKey) {
    }

    public Verdict check(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Verdict.REJECTED;
        }
        byte[] digest = digest(presented);
        Optional<Verdict> remembered = remembered(current(), digest);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        try {
            if (!slowCheck.tryLock(SLOW_CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Verdict.BUSY;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.BUSY;
        }
        try {
            Known now = current();
            remembered = remembered(now, digest);
            if (remembered.isPresent()) {
                return remembered.get();
            }
            if (ApiKeyHash.verifies(now.storedHash(), presented)) {
                known = new Known(now.storedHash(), now.readAt(), digest, now.rejected());
                return Verdict.ACCEPTED;
            }
            now.rejected().add(HexFormat.of().formatHex(digest));
            return Verdict.REJECTED;
        } finally {
            slowCheck.unlock();
        }
    }

    private static Optional<Verdict> remembered(Known k, byte[] digest) {
        if (k.accepted() != null && MessageDigest.isEqual(k.accepted(), digest)) {
            return Optional.of(Verdict.ACCEPTED);
        }
        return k.rejected().contains(HexFormat.of().formatHex(digest)) ? Optional.of(Verdict.REJECTED) : Optional.empty();
    }

    /** What is known, with the stored hash re-read when it was read more than {@link #REREAD} ago. */
    private Known current() {
        Known k = known;
        Instant now = clock.instant();
        if (now.isBefore(k.readAt().plus(REREAD)) && !now.isBefore(k.readAt())) {
            return k;
        }
        String stored = settings.get(SETTING).orElse("");
        Known fresh = stored.equals(k.storedHash()) ? new Known(stored, now, k.accepted(), k.rejected())
                : Known.of(stored, now, null);
        known = fresh;
        return fresh;
    }

    private byte[] digest(String key) {
        return macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
