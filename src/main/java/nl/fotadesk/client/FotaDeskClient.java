package nl.fotadesk.client;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DesiredFirmware;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewCatalogEntry;
import nl.fotadesk.protocol.api.RetryResult;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Page;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import static nl.fotadesk.client.ApiTransport.params;

/**
 * The management API of a FOTA Desk server ({@code /api/v1}), one method per route. Thread-safe;
 * calls block, so a user interface calls them off its UI thread.
 * <p>
 * Every failure is a {@link FotaDeskException}: an {@link ApiException} subclass when the server
 * refused the request, a {@link ConnectionException} when no FOTA Desk server could be talked to.
 * Failures reading or writing the caller's own files are {@link java.io.UncheckedIOException}s; an
 * empty, "." or ".." id or IMEI, which no path can hold, is an {@link IllegalArgumentException}.
 */
public final class FotaDeskClient {
    /** Used by clients built without one, so that they share one connection pool. */
    private static final OkHttpClient DEFAULT_HTTP = ServerTrust.system().apply(new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .build());
    /** A long poll waits this much longer than the server's wait, which answers (empty) at its end. */
    private static final Duration POLL_MARGIN = Duration.ofSeconds(15);
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");

    private final ApiTransport api;

    /**
     * @param baseUrl the server, e.g. {@code http://127.0.0.1:8080}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) address or the key cannot be sent
     */
    public FotaDeskClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, DEFAULT_HTTP);
    }

    /**
     * As {@link #FotaDeskClient(String, String)}, accepting from an https server only the certificates
     * {@code trust} allows (a certificate trusted by its fingerprint, see {@link ServerTrust}).
     */
    public FotaDeskClient(String baseUrl, String apiKey, ServerTrust trust) {
        this(baseUrl, apiKey, trust == ServerTrust.system() ? DEFAULT_HTTP : trust.apply(DEFAULT_HTTP));
    }

    /**
     * As {@link #FotaDeskClient(String, String)}, over {@code http}: its pool, timeouts and proxy are
     * used, and it stays the caller's to shut down.
     */
    public FotaDeskClient(String baseUrl, String apiKey, OkHttpClient http) {
        api = new ApiTransport(baseUrl, apiKey, http);
    }

    /** The server address, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return api.server();
    }

    /**
     * Checks the address and the API key with one cheap request; returns when both are right.
     * @throws ConnectionException when no FOTA Desk server answers at the address
     *         ({@link ConnectionException#reason()} says why)
     * @throws UnauthorizedException when the server does not accept the API key
     */
    public void checkConnection() {
        try {
            latestEventCursor();
        } catch (ApiException e) {
            if (!e.isFromApi() || e instanceof NotFoundException) {
                throw ConnectionException.notFotaDesk(api.server(), e);
            }
            throw e;
        }
    }

    // Devices

    /** Registers one device; the answer holds the secret only when the server generated it. */
    public DeviceView registerDevice(NewDevice device) {
        return api.send("POST", api.url("devices"), device, JsonType.of(DeviceView.class));
    }

    /**
     * Registers all devices or none.
     * @throws ValidationException listing every refused entry in {@link ApiException#itemErrors()}
     */
    public List<DeviceView> registerDevices(List<NewDevice> devices) {
        return api.send("POST", api.url("devices", "bulk"), devices, JsonType.listOf(DeviceView.class));
    }

    /**
     * Imports devices from CSV (header: imei, deviceType, client, optional secret and firmware), streamed
     * from {@code csv}, which is read to its end and closed. Good lines are stored unless {@code dryRun};
     * bad ones are listed in the report.
     */
    public ImportReport importDevices(InputStream csv, boolean dryRun) {
        return importCsv(StreamBody.of(csv, CSV), dryRun);
    }

    /** As {@link #importDevices(InputStream, boolean)}, from CSV in memory. */
    public ImportReport importDevices(byte[] csv, boolean dryRun) {
        return importCsv(RequestBody.create(csv, CSV), dryRun);
    }

    private ImportReport importCsv(RequestBody csv, boolean dryRun) {
        HttpUrl.Builder url = params(api.url("devices", "import"), "dryRun", dryRun);
        return api.call(api.request(url).post(csv), JsonType.of(ImportReport.class));
    }

    public Page<DeviceView> devices(DeviceQuery query) {
        HttpUrl.Builder url = params(api.url("devices"), "client", query.client(), "deviceType", query.deviceType(),
                "status", query.status() == null ? null : query.status().wireName(), "firmware", query.firmware(),
                "imei", query.imeiPrefix(), "offset", query.offset(), "limit", query.limit());
        return api.get(url, JsonType.pageOf(DeviceView.class));
    }

    public DeviceView device(String imei) {
        return api.get(api.url("devices", imei), JsonType.of(DeviceView.class));
    }

    /** The device's newest {@code limit} events, oldest first. */
    public List<EventView> deviceHistory(String imei, int limit) {
        return api.get(params(api.url("devices", imei, "history"), "limit", limit), JsonType.listOf(EventView.class));
    }

    /**
     * Sets the firmware the device should run, starting its update unless it runs that version already.
     * @throws ConflictException when a campaign holds the device
     */
    public DeviceView setDesiredFirmware(String imei, String firmwareId) {
        return api.send("PUT", api.url("devices", imei, "desired"), new DesiredFirmware(firmwareId),
                JsonType.of(DeviceView.class));
    }

    // Firmware

    /**
     * Uploads an image streamed from {@code file}; the server computes its SHA-256 and CRC-32.
     * @param progress told the bytes sent so far after each chunk, on the calling thread; ends at the file size
     */
    public FirmwareView uploadFirmware(String deviceType, String version, Path file, LongConsumer progress) {
        return upload(deviceType, version, StreamBody.of(file, OCTET_STREAM, progress));
    }

    /** As {@link #uploadFirmware(String, String, Path, LongConsumer)}, from an image in memory. */
    public FirmwareView uploadFirmware(String deviceType, String version, byte[] image) {
        return upload(deviceType, version, RequestBody.create(image, OCTET_STREAM));
    }

    /** With {@code Expect: 100-continue} the server refuses a bad name, size or duplicate before the image is sent. */
    private FirmwareView upload(String deviceType, String version, RequestBody image) {
        HttpUrl.Builder url = params(api.url("firmware"), "deviceType", deviceType, "version", version);
        return api.call(api.request(url).header("Expect", "100-continue").post(image), JsonType.of(FirmwareView.class));
    }

    public List<FirmwareView> firmware() {
        return api.get(api.url("firmware"), JsonType.listOf(FirmwareView.class));
    }

    public FirmwareView firmware(String id) {
        return api.get(api.url("firmware", id), JsonType.of(FirmwareView.class));
    }

    /** @throws ConflictException while a device or campaign uses the image */
    public void deleteFirmware(String id) {
        api.delete(api.url("firmware", id));
    }

    /**
     * Downloads the image to {@code target} (replaced if it exists; left untouched if the download fails).
     * @return the number of bytes written
     */
    public long downloadFirmware(String id, Path target) {
        return api.execute(api.request(api.url("firmware", id, "content")),
                body -> LocalFiles.save(body.byteStream(), target));
    }

    // Clients and device types

    public List<CatalogEntry> clients() {
        return api.get(api.url("clients"), JsonType.listOf(CatalogEntry.class));
    }

    public CatalogEntry createClient(String name) {
        return api.send("POST", api.url("clients"), new NewCatalogEntry(name, null), JsonType.of(CatalogEntry.class));
    }

    public List<CatalogEntry> deviceTypes() {
        return api.get(api.url("device-types"), JsonType.listOf(CatalogEntry.class));
    }

    /** @param description may be null */
    public CatalogEntry createDeviceType(String name, String description) {
        return api.send("POST", api.url("device-types"), new NewCatalogEntry(name, description),
                JsonType.of(CatalogEntry.class));
    }

    // Groups

    public GroupView createGroup(NewGroup group) {
        return api.send("POST", api.url("groups"), group, JsonType.of(GroupView.class));
    }

    public List<GroupView> groups() {
        return api.get(api.url("groups"), JsonType.listOf(GroupView.class));
    }

    public GroupView group(String id) {
        return api.get(api.url("groups", id), JsonType.of(GroupView.class));
    }

    /** Replaces the name and filter or IMEI list; a group keeps its kind (filter or static). */
    public GroupView replaceGroup(String id, NewGroup group) {
        return api.send("PUT", api.url("groups", id), group, JsonType.of(GroupView.class));
    }

    public void deleteGroup(String id) {
        api.delete(api.url("groups", id));
    }

    /** A static group's stored IMEI list, registered devices or not (for editing it). */
    public List<String> groupImeis(String id) {
        return api.get(api.url("groups", id, "imeis"), JsonType.listOf(String.class));
    }

    /** The group's devices now, a page of {@code limit} from {@code offset}. */
    public Page<DeviceView> groupDevices(String id, int offset, int limit) {
        return api.get(params(api.url("groups", id, "devices"), "offset", offset, "limit", limit),
                JsonType.pageOf(DeviceView.class));
    }

    // Campaigns

    /** What the campaign would target, without creating it. */
    public CampaignPreview previewCampaign(NewCampaign campaign) {
        return api.send("POST", api.url("campaigns", "preview"), campaign, JsonType.of(CampaignPreview.class));
    }

    /**
     * Creates the campaign, and starts (or schedules) it when {@link NewCampaign#start()} is true.
     * @throws ConflictException when another campaign holds some of its devices
     */
    public CampaignView createCampaign(NewCampaign campaign) {
        return api.send("POST", api.url("campaigns"), campaign, JsonType.of(CampaignView.class));
    }

    public List<CampaignView> campaigns() {
        return api.get(api.url("campaigns"), JsonType.listOf(CampaignView.class));
    }

    public CampaignView campaign(String id) {
        return api.get(api.url("campaigns", id), JsonType.of(CampaignView.class));
    }

    /**
     * The campaign's devices, a page of {@code limit} from {@code offset}.
     * @param phase only this phase (0-based), or null for all
     * @param states only devices in these states, or null (or empty) for all
     */
    public Page<CampaignDeviceView> campaignDevices(String id, Integer phase, List<ActionState> states, int offset,
                                                    int limit) {
        String stateList = states == null || states.isEmpty() ? null
                : states.stream().map(ActionState::wireName).collect(Collectors.joining(","));
        HttpUrl.Builder url = params(api.url("campaigns", id, "devices"), "phase", phase, "state", stateList,
                "offset", offset, "limit", limit);
        return api.get(url, JsonType.pageOf(CampaignDeviceView.class));
    }

    /** Starts a draft (or schedules it, when it has a start time ahead). @throws ConflictException in another state */
    public CampaignView startCampaign(String id) {
        return steer(id, "start");
    }

    /** @throws ConflictException unless the campaign is running or scheduled */
    public CampaignView pauseCampaign(String id) {
        return steer(id, "pause");
    }

    /** @throws ConflictException unless the campaign is paused */
    public CampaignView resumeCampaign(String id) {
        return steer(id, "resume");
    }

    /** @throws ConflictException when the campaign is completed or cancelled already */
    public CampaignView cancelCampaign(String id) {
        return steer(id, "cancel");
    }

    private CampaignView steer(String id, String action) {
        return api.send("POST", api.url("campaigns", id, action), null, JsonType.of(CampaignView.class));
    }

    /**
     * Gives the failed and timed-out devices another attempt.
     * @return how many devices were retried
     */
    public int retryFailed(String id) {
        return api.send("POST", api.url("campaigns", id, "retry"), null, JsonType.of(RetryResult.class)).retried();
    }

    // Events

    /** The cursor of the newest event, where a live view starts following {@link #events(long, int)}. */
    public long latestEventCursor() {
        return api.get(api.url("events"), JsonType.of(EventPage.class)).cursor();
    }

    /**
     * The events after cursor {@code since}. With {@code waitSeconds} above 0 (at most 30) this is a long
     * poll: the server answers as soon as there is an event, or empty when the wait is over.
     */
    public EventPage events(long since, int waitSeconds) {
        return api.withReadTimeout(Duration.ofSeconds(Math.max(0, waitSeconds)).plus(POLL_MARGIN))
                .get(params(api.url("events"), "since", since, "wait", waitSeconds), JsonType.of(EventPage.class));
    }
}
