package nl.fotadesk.backend.files;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The download token of docs/protocol.md §6: a JWT, HS256, claims sub (IMEI), fid (downloadId), iat, exp.
 * Verified tokens are remembered until they expire, so a device fetching part after part with the
 * same token costs one signature check, not one per part.
 */
public final class DownloadTokens {
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** A token is renewed in the downlink when less than this is left of it. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(1);

    /** The outcome of checking a token. */
    public sealed interface Check {
        /** {@code expiresAt} in epoch milliseconds. */
        record Valid(String imei, String downloadId, long expiresAt) implements Check {
        }

        /** Not a JWT at all: answered like a missing token. */
        record Malformed() implements Check {
        }

        /** A JWT with a bad signature, wrong algorithm, or past its expiry. */
        record Invalid() implements Check {
        }
    }

    /** Remembered tokens; when full the cache starts over (a token costs one verification to remember again). */
    private static final int REMEMBERED = 65_536;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Map<String, Check.Valid> verified = new ConcurrentHashMap<>();

    public DownloadTokens(byte[] secret) {
        algorithm = Algorithm.HMAC256(secret);
        verifier = JWT.require(algorithm).withClaimPresence("sub").withClaimPresence("fid")
                .withClaimPresence("exp").build();
    }

    public String issue(String imei, String downloadId, Instant now) {
        return JWT.create().withSubject(imei).withClaim("fid", downloadId)
                .withIssuedAt(now).withExpiresAt(now.plus(LIFETIME)).sign(algorithm);
    }

    public Check check(String token) {
        Check.Valid known = verified.get(token);
        if (known != null && System.currentTimeMillis() < known.expiresAt()) {
            return known;
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
        } catch (JWTDecodeException e) {
            return new Check.Malformed();
        }
        try {
            verifier.verify(jwt);
        } catch (JWTVerificationException e) {
            return new Check.Invalid();
        }
        Check.Valid valid = new Check.Valid(jwt.getSubject(), jwt.getClaim("fid").asString(),
                jwt.getExpiresAtAsInstant().toEpochMilli());
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(token, valid);
        return valid;
    }
}
