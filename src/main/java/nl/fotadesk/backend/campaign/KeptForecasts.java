package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.store.RehearsalStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the forecast of a campaign not created yet with the campaign created from its plan. The forecast is
 * handed to the client as a token, so no node keeps anything meanwhile and any node of a cluster opens it:
 * the token carries the forecast (gzipped) and the digest of the plan it was made for
 * ({@link CampaignPlan#digest}), under an HMAC with a key derived from the server's signing secret, so a
 * client can neither make one up nor attach one to another plan.
 */
public final class KeptForecasts {
    /** The largest token opened: a forecast's timeline of 200 moments gzips to far less. */
    static final int MAX_TOKEN = 1024 * 1024;
    private static final int DIGEST = 32;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final RehearsalStore store;
    private final SecretKeySpec key;

    /** @param secret the server's signing secret; the key is derived from it for this use alone */
    public KeptForecasts(RehearsalStore store, byte[] secret) {
        this.store = store;
        key = new SecretKeySpec(mac(new SecretKeySpec(secret, "HmacSHA256"),
                "fota-desk forecast token".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
    }

    /**
     * Keeps the forecast {@code token} carries with the campaign {@code campaignId} just made of {@code plan}
     * (within the transaction that creates it).
     * @throws Invalid  {@code invalid_forecast_token} when this server did not make the token
     * @throws Conflict {@code forecast_outdated} when it was made for another plan (the devices changed since)
     */
    void keep(String campaignId, CampaignPlan plan, String token, Instant at) {
        store.saveForecast(campaignId, open(token, plan.digest()), at);
    }

    /** The token of {@code forecastJson}, made for {@code plan}. */
    public String token(CampaignPlan plan, String forecastJson) {
        byte[] planDigest = plan.digest();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(planDigest);
            gzip.write(forecastJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = ENCODE.encodeToString(packed.toByteArray());
        return body + "." + ENCODE.encodeToString(mac(key, body.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The forecast JSON that {@code token} carries for the plan of {@code planDigest}. */
    private String open(String token, byte[] planDigest) {
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN || dot < 0) {
            throw notOurs();
        }
        String body = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (!MessageDigest.isEqual(given, mac(key, body.getBytes(StandardCharsets.US_ASCII)))) {
            throw notOurs();
        }
        byte[] unpacked;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getUrlDecoder().decode(body)))) {
            unpacked = gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // sealed by this server: it unpacks
        }
        if (!Arrays.equals(unpacked, 0, DIGEST, planDigest, 0, DIGEST)) {
            throw new Conflict("forecast_outdated", "the forecast was made for other devices or another plan than"
                    + " this campaign's; rehearse it again");
        }
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(unpacked, DIGEST, unpacked.length - DIGEST)).toString();
    }

    private static Invalid notOurs() {
        return new Invalid("invalid_forecast_token", "forecastToken is not a token of a rehearsal on this server");
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
