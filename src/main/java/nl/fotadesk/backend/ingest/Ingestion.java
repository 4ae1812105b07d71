package nl.fotadesk.backend.ingest;

import nl.fotadesk.backend.domain.Busy;
import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Unauthorized;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.files.DownloadTokens;
import nl.fotadesk.backend.files.Downloads;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.InvalidImeiException;
import nl.fotadesk.protocol.MessageToken;
import nl.fotadesk.protocol.SenmlException;
import nl.fotadesk.protocol.SenmlPack;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The uplink of docs/protocol.md §1: authenticates the pack by its message token, stores the reported
 * state, moves the device's update along, and returns the downlink while an update is pending. The
 * uplink is parsed, authenticated and worked out on the request's thread; only the write goes through
 * the {@link GroupCommit}, and the answer waits for its commit.
 */
public final class Ingestion {
    /** Reads of a device that changed while its uplink was stored before the uplink is refused. */
    private static final int MAX_ATTEMPTS = 5;
    private static final Unauthorized UNAUTHORIZED =
            new Unauthorized("missing or wrong message token, or unknown device");
    private static final Busy BUSY = new Busy("too many uplinks are waiting; send it again shortly");

    private final GroupCommit writes;
    private final EventLog events;
    private final CampaignStore campaigns;
    private final DeviceStore devices;
    private final Downloads downloads;
    private final DownloadTokens tokens;
    private final String downloadUrlPrefix;
    private final Clock clock;

    public Ingestion(GroupCommit writes, DeviceStore devices, Downloads downloads,
                     DownloadTokens tokens, EventLog events, CampaignStore campaigns, String publicUrl, Clock clock) {
        this.writes = writes;
        this.events = events;
        this.campaigns = campaigns;
        this.devices = devices;
        this.downloads = downloads;
        this.tokens = tokens;
        this.downloadUrlPrefix = publicUrl + "/f/v1/";
        this.clock = clock;
    }

    /**
     * @return the downlink to answer with, or empty for a 204, once the uplink is committed; it completes
     * exceptionally with a {@link DomainError}: {@link Invalid} for a body that is not valid SenML,
     * {@link Unauthorized} for a bad token or unknown device, {@link Busy} when too many writes wait already
     */
    public CompletableFuture<Optional<byte[]>> accept(byte[] body, String token) {
        try {
            return submit(body, token);
        } catch (DomainError e) {
            return CompletableFuture.failedFuture(e);
        } catch (GroupCommit.Full e) {
            return CompletableFuture.failedFuture(BUSY);
        }
    }

    /** An authenticated uplink, as received. */
    private record Uplink(byte[] body, String token, SenmlPack pack, String baseName, Instant now) {
    }

    /** What an uplink makes of its device as read: the state it brings it to and its merged telemetry. */
    private record Effect(DeviceRow device, UplinkState state, String telemetry) {
        static Effect of(DeviceRow device, Uplink uplink) {
            return new Effect(device, UplinkState.of(device, uplink.pack()),
                    Telemetry.merge(device.reported().telemetry(), uplink.pack(), uplink.baseName()));
        }
    }

    /**
     * Parses and authenticates the uplink and works out its effect on the request's thread, so the group
     * commit's writer only writes.
     */
    private CompletableFuture<Optional<byte[]>> submit(byte[] body, String token) {
        if (token == null) {
            throw UNAUTHORIZED;
        }
        Instant now = clock.instant();
        SenmlPack pack;
        try {
            pack = SenmlPack.parse(body, now.toEpochMilli() / 1000.0);
        } catch (SenmlException e) {
            throw new Invalid("invalid_senml", e.getMessage());
        }
        String baseName = pack.firstBaseName();
        String imei;
        try {
            imei = DeviceUrn.imeiOf(baseName);
        } catch (InvalidImeiException e) {
            throw UNAUTHORIZED;
        }
        Uplink uplink = new Uplink(body, token, pack, baseName, now);
        Effect effect = Effect.of(authenticated(imei, uplink), uplink);
        return writes.submit(() -> store(uplink, effect));
    }

    private DeviceRow authenticated(String imei, Uplink uplink) {
        DeviceRow device = devices.find(imei).orElseThrow(() -> UNAUTHORIZED);
        if (!MessageToken.verify(uplink.body(), device.secret(), uplink.token())) {
            throw UNAUTHORIZED;
        }
        return device;
    }

    /**
     * Stores the uplink inside a group commit's transaction. When the device changed since it was read
     * (a new desired firmware, a timeout, an earlier uplink in the same batch), it is read again there and
     * the uplink applied to what it is now.
     */
    private Optional<byte[]> store(Uplink uplink, Effect effect) {
        for (int attempt = 1; ; attempt++) {
            Optional<Optional<byte[]>> answer = apply(uplink, effect);
            if (answer.isPresent()) {
                return answer.get();
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new Busy("the device's update kept changing; send the uplink again");
            }
            effect = Effect.of(authenticated(effect.device().imei(), uplink), uplink);
        }
    }

    /** Stores the uplink's effect on its device as read; empty when the device changed meanwhile. */
    private Optional<Optional<byte[]>> apply(Uplink uplink, Effect effect) {
        DeviceRow device = effect.device();
        UplinkState state = effect.state();
        boolean ends = state.finished() && device.download().id() != null;
        boolean sendDownlink = state.status().isActive() && device.download().id() != null;
        DeviceStatus status = sendDownlink && state.status() == DeviceStatus.PENDING
                ? DeviceStatus.NOTIFIED : state.status();
        if (!devices.recordUplink(device, state.reportedFirmware(), status, state.progress(),
                state.fotaState(), state.fotaResult(), effect.telemetry(), uplink.now())) {
            return Optional.empty();
        }
        if (ends) {
            downloads.deactivate(device.download().id());
        }
        if (status != device.status()) {
            var campaign = campaigns.heldIn(device.imei());
            events.append(EventLog.DEVICE, campaign.map(Map.Entry::getKey).orElse(null),
                    campaign.map(Map.Entry::getValue).orElse(null), device.imei(), status.wireName(), state.describe());
        }
        return Optional.of(sendDownlink ? Optional.of(downlink(device, uplink.baseName(), uplink.now()))
                : Optional.<byte[]>empty());
    }

    private byte[] downlink(DeviceRow device, String baseName, Instant now) {
        String token = device.download().token();
        if (token == null || device.download().tokenExpiresAt().isBefore(now.plus(DownloadTokens.RENEW_BEFORE))) {
            token = tokens.issue(device.imei(), device.download().id(), now);
            devices.saveDownloadToken(device.download().id(), token, now.plus(DownloadTokens.LIFETIME));
        }
        String url = downloadUrlPrefix + device.download().id();
        return (device.download().vendorStrict() ? Downlink.vendorStrict(baseName, url, token)
                : new Downlink(baseName, url, token, device.desired().version(), device.desired().size(),
                device.desired().sha256())).toJson();
    }
}
