package nl.fotadesk.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.fotadesk.protocol.Crc32Hex;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.FotaState;
import nl.fotadesk.protocol.ProtocolException;
import nl.fotadesk.protocol.UpdateResult;
import nl.fotadesk.protocol.UplinkRecords;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One device's side of docs/protocol.md §4, driven step by step: each {@link #step()} does at most one
 * HTTP exchange (or one local action such as installing) and says when the next step is due, so a
 * scheduler can run thousands of devices on a few threads.
 */
public final class Device {
    /** docs/protocol.md §3.5: a download may take at most this many requests. */
    public static final int MAX_PARTS = 19_999;
    /** A device whose link keeps failing stops for this long before it tries again. */
    private static final Duration NETWORK_PAUSE = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The update in progress: where it comes from and how far it got (kept across a reboot, like flash). */
    private static final class Download {
        final String url;
        String token;
        final String version;
        final Long announcedSize;
        final String announcedSha256;
        long size = -1;
        long offset;
        int partSize;
        int attempts;
        int authFailures;
        int reportedDecile;
        boolean rebooted;
        boolean installing;
        String sha256;
        final MessageDigest digest = sha256();

        Download(Downlink d, int partSize) {
            url = d.url();
            token = d.token();
            version = d.version();
            announcedSize = d.size();
            announcedSha256 = d.sha256();
            this.partSize = d.size() == null ? partSize : partSizeFor(d.size(), partSize);
        }
    }

    private final DeviceIdentity identity;
    private final String baseName;
    private final DeviceHttp http;
    private final DeviceSettings settings;
    private final DeviceFaults faults;
    private final DeviceEvents events;
    private final Random random;

    private String firmware;
    private FotaState state = FotaState.IDLE;
    private Download download;
    private boolean uplinkDue;
    private boolean silent;
    private UpdateResult resultToReport;
    private UpdateResult lastResult = UpdateResult.INITIAL;
    private String installedSha256;
    private double temperature;
    private double battery;
    private long partRequests;
    private long bytesSentToMe;

    public Device(DeviceIdentity identity, DeviceHttp http, DeviceSettings settings, DeviceFaults faults,
                  DeviceEvents events, long seed) {
        this.identity = identity;
        this.baseName = DeviceUrn.of(identity.imei());
        this.http = http;
        this.settings = settings;
        this.faults = faults;
        this.events = events;
        this.random = new Random(seed);
        this.firmware = identity.firmware();
        this.temperature = 15 + random.nextDouble() * 10;
        this.battery = 60 + random.nextDouble() * 40;
    }

    /** Does the next thing this device has to do and returns when the step after it is due. */
    public synchronized Duration step() {
        if (silent) {
            return Duration.ofDays(1);
        }
        try {
            return switch (state) {
                case IDLE -> routineUplink();
                case DOWNLOADING -> uplinkDue ? progressUplink() : fetchPart();
                case DOWNLOADED -> reportDownloaded();
                case UPDATING -> install();
                case REBOOTING -> bootIntoNewImage();
            };
        } catch (IOException e) {
            events.partRetried(this, "uplink failed: " + e.getMessage());
            return NETWORK_PAUSE;
        }
    }

    /**
     * Power-cycles the device: what it was doing in memory is lost, its flash (the download's offset
     * and the parts so far) is kept, and it says hello with an uplink before it goes on.
     */
    public synchronized Duration reboot() {
        uplinkDue = true;
        if (download != null) {
            download.attempts = 0;
        }
        return settings.rebootTime();
    }

    private Duration routineUplink() throws IOException {
        uplink(FotaState.IDLE.wireName(), null);
        return state == FotaState.DOWNLOADING || resultToReport != null ? Duration.ZERO : nextRoutineUplink();
    }

    private Duration progressUplink() throws IOException {
        uplinkDue = false;
        uplink(FotaState.DOWNLOADING.wireName(), progress());
        return Duration.ZERO;
    }

    private Duration reportDownloaded() throws IOException {
        uplink(FotaState.DOWNLOADED.wireName(), 100);
        move(FotaState.UPDATING);
        return Duration.ZERO;
    }

    private Duration install() throws IOException {
        if (!download.installing) {
            download.installing = true;
            uplink(FotaState.UPDATING.wireName(), 100);
            return settings.installTime();
        }
        if (faults.installFails()) {
            return end(UpdateResult.UPDATE_FAILED);
        }
        move(FotaState.REBOOTING);
        return settings.rebootTime();
    }

    private Duration bootIntoNewImage() {
        firmware = download.version != null ? download.version : "image-" + download.sha256.substring(0, 8);
        installedSha256 = download.sha256;
        return end(UpdateResult.SUCCESS);
    }

    /** Ends the update with {@code result}, reported at once with the next uplink. */
    private Duration end(UpdateResult result) {
        resultToReport = result;
        lastResult = result;
        download = null;
        uplinkDue = false;
        if (state != FotaState.IDLE) {
            move(FotaState.IDLE);
        }
        events.updateEnded(this, result);
        return Duration.ZERO;
    }

    private Duration fetchPart() {
        Download d = download;
        long first = d.offset;
        long last = first + d.partSize - 1;
        DeviceHttp.PartAnswer answer;
        partRequests++;
        events.partRequested(this);
        try {
            answer = http.fetch(d.url, d.token, first, last, random.nextDouble() < faults.dropPart());
        } catch (DeviceHttp.DroppedException e) {
            bytesSentToMe += e.contentLength;
            return retry(UpdateResult.CONNECTION_LOST, e.getMessage());
        } catch (IOException e) {
            return retry(UpdateResult.CONNECTION_LOST, e.getMessage());
        }
        if (answer.status() / 100 == 2) {
            bytesSentToMe += answer.body().length;
        }
        return switch (answer.status()) {
            case 200, 206 -> acceptPart(answer, first, last);
            case 401 -> ++d.authFailures > 2 ? end(UpdateResult.INVALID_URI) : renewToken();
            case 410 -> end(UpdateResult.CANCELLED);
            case 403, 404 -> end(UpdateResult.INVALID_URI);
            case 416 -> end(UpdateResult.INTEGRITY_FAILURE);
            case 429 -> end(UpdateResult.UPDATE_FAILED);
            default -> retry(UpdateResult.CONNECTION_LOST, "status " + answer.status());
        };
    }

    /** The token expired: an uplink brings a renewed one with the downlink. */
    private Duration renewToken() {
        uplinkDue = true;
        return Duration.ZERO;
    }

    private Duration acceptPart(DeviceHttp.PartAnswer answer, long first, long last) {
        Download d = download;
        long[] range = contentRange(answer, first);
        if (range == null || range[0] != first) {
            return retry(UpdateResult.INTEGRITY_FAILURE, "unexpected Content-Range " + answer.contentRange());
        }
        if (d.size < 0) {
            d.size = range[2];
            if (d.announcedSize != null && d.announcedSize != d.size) {
                return end(UpdateResult.INTEGRITY_FAILURE);
            }
            d.partSize = partSizeFor(d.size, settings.partSize());
        }
        long expected = answer.contentRange() == null ? d.size : Math.min(last - first + 1, d.size - first);
        byte[] body = answer.body();
        if (random.nextDouble() < faults.corruptPart() && body.length > 0) {
            body = body.clone();
            body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));
        }
        if (body.length != expected) {
            return retry(UpdateResult.INTEGRITY_FAILURE, "part of " + body.length + " bytes, expected " + expected);
        }
        if (answer.digest() == null || !answer.digest().equalsIgnoreCase("crc32=" + Crc32Hex.of(body, 0, body.length))) {
            return retry(UpdateResult.INTEGRITY_FAILURE, "CRC-32 mismatch");
        }
        d.digest.update(body);
        d.offset += body.length;
        d.attempts = 0;
        d.authFailures = 0;
        events.partAccepted(this, body.length);
        if (d.offset >= d.size) {
            return verifyImage();
        }
        int decile = progress() / 10;
        if (decile > d.reportedDecile) {
            d.reportedDecile = decile;
            uplinkDue = true;
        }
        if (!d.rebooted && faults.rebootAt() >= 0 && d.offset >= faults.rebootAt() * d.size) {
            d.rebooted = true;
            return reboot();
        }
        return faults.bytesPerSecond() > 0
                ? Duration.ofMillis(body.length * 1000L / faults.bytesPerSecond()) : Duration.ZERO;
    }

    /** [first, last, total] from {@code Content-Range}; a 200 without one is the whole file. */
    private static long[] contentRange(DeviceHttp.PartAnswer answer, long first) {
        if (answer.contentRange() == null) {
            return answer.status() == 200 && first == 0
                    ? new long[]{0, answer.body().length - 1L, answer.body().length} : null;
        }
        Matcher m = CONTENT_RANGE.matcher(answer.contentRange());
        if (!m.matches()) {
            return null;
        }
        return new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private Duration verifyImage() {
        Download d = download;
        d.sha256 = HexFormat.of().formatHex(d.digest.digest());
        if (d.announcedSha256 != null && !d.announcedSha256.equalsIgnoreCase(d.sha256)) {
            return end(UpdateResult.INTEGRITY_FAILURE);
        }
        uplinkDue = false;
        move(FotaState.DOWNLOADED);
        return Duration.ZERO;
    }

    private Duration retry(UpdateResult giveUpWith, String why) {
        Download d = download;
        events.partRetried(this, why);
        if (++d.attempts > settings.maxRetries()) {
            return end(giveUpWith);
        }
        Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(d.attempts - 1, 16));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** Sends an uplink with the device's state and telemetry and acts on a downlink in the answer. */
    private void uplink(String fotaState, Integer progress) throws IOException {
        UpdateResult result = resultToReport;
        DeviceHttp.UplinkAnswer answer = http.uplink(pack(fotaState, progress, result), identity.secret());
        events.uplinkSent(this, answer.status());
        if (answer.status() / 100 != 2) {
            return;
        }
        if (result == resultToReport) {
            resultToReport = null;
        }
        if (answer.status() == 200) {
            try {
                Downlink.parse(answer.body(), baseName).ifPresent(this::onDownlink);
            } catch (ProtocolException e) {
                events.partRetried(this, "unreadable downlink: " + e.getMessage());
            }
        }
    }

    private void onDownlink(Downlink d) {
        if (state == FotaState.DOWNLOADING && download.url.equals(d.url())) {
            download.token = d.token();
            return;
        }
        if (state != FotaState.IDLE && state != FotaState.DOWNLOADING) {
            return;
        }
        if (faults.silentAfterDownlink()) {
            silent = true;
            return;
        }
        if (faults.flashBytes() > 0 && d.size() != null && d.size() > faults.flashBytes()) {
            end(UpdateResult.NOT_ENOUGH_FLASH);
            return;
        }
        download = new Download(d, settings.partSize());
        if (state == FotaState.IDLE) {
            move(FotaState.DOWNLOADING);
        }
    }

    private byte[] pack(String fotaState, Integer progress, UpdateResult result) {
        temperature += random.nextGaussian() * 0.2;
        battery = Math.max(0, battery - random.nextDouble() * 0.01);
        ArrayNode pack = JSON.createArrayNode();
        pack.addObject().put("bn", baseName).put("bt", System.currentTimeMillis() / 1000);
        pack.addObject().put("n", UplinkRecords.FIRMWARE).put("vs", firmware);
        pack.addObject().put("n", UplinkRecords.FOTA_STATE).put("vs", fotaState);
        if (progress != null) {
            pack.addObject().put("n", UplinkRecords.FOTA_PROGRESS).put("u", "%").put("v", progress);
        }
        if (result != null) {
            pack.addObject().put("n", UplinkRecords.FOTA_RESULT).put("v", result.code);
        }
        ObjectNode t = pack.addObject().put("n", "temperature").put("u", "Cel");
        t.put("v", Math.round(temperature * 10) / 10.0);
        pack.addObject().put("n", "battery").put("u", "%EL").put("v", Math.round(battery * 10) / 10.0);
        try {
            return JSON.writeValueAsBytes(pack);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration nextRoutineUplink() {
        long jitter = settings.jitter().toMillis();
        long offset = jitter == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * jitter);
        return Duration.ofMillis(Math.max(0, settings.uplinkInterval().toMillis() + offset));
    }

    private void move(FotaState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("device " + identity.imei() + " cannot move from " + state + " to " + next);
        }
        FotaState from = state;
        state = next;
        events.stateChanged(this, from, next);
    }

    /** P = max(configured, ceil(size / 19,999)) of docs/protocol.md §4. */
    static int partSizeFor(long size, int configured) {
        return (int) Math.max(configured, (size + MAX_PARTS - 1) / MAX_PARTS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DeviceFaults faults() {
        return faults;
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public String imei() {
        return identity.imei();
    }

    public synchronized FotaState state() {
        return state;
    }

    public synchronized String firmware() {
        return firmware;
    }

    /** Download progress in percent, 0 when not downloading. */
    public synchronized int progress() {
        return download == null || download.size <= 0 ? 0 : (int) (download.offset * 100 / download.size);
    }

    public synchronized UpdateResult lastResult() {
        return lastResult;
    }

    /** SHA-256 of the image installed by the last successful update, if any. */
    public synchronized Optional<String> installedSha256() {
        return Optional.ofNullable(installedSha256);
    }

    /** How many part requests this device has sent, retries included. */
    public synchronized long partRequests() {
        return partRequests;
    }

    /** Bytes of part bodies the file server sent this device (all updates, retries included). */
    public synchronized long bytesSentToMe() {
        return bytesSentToMe;
    }

    public synchronized boolean silent() {
        return silent;
    }
}
