package nl.fotadesk.client;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.ForecastVsActual;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DesiredFirmware;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.IssuedApiToken;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewCatalogEntry;
import nl.fotadesk.protocol.api.RetryResult;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.ProgressPoint;
import nl.fotadesk.protocol.api.ServerLimits;
import nl.fotadesk.protocol.api.PasswordChange;
import nl.fotadesk.protocol.api.NewComment;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.Rejection;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.SignIn;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
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
 * The {@link FotaDeskClient} of a real server, over HTTP (OkHttp). Thread-safe; calls block.
 */
public final class HttpFotaDeskClient implements FotaDeskClient {
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

    private HttpFotaDeskClient(ApiTransport api) {
        this.api = api;
    }

    /**
     * A client that sends no credential until {@link #signIn} or {@link #useToken}, accepting the
     * certificates {@code trust} allows.
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) address
     */
    public static HttpFotaDeskClient signedOut(String baseUrl, ServerTrust trust) {
        return new HttpFotaDeskClient(ApiTransport.signedOut(baseUrl,
                trust == ServerTrust.system() ? DEFAULT_HTTP : trust.apply(DEFAULT_HTTP)));
    }

    /**
     * @param baseUrl the server, e.g. {@code http://127.0.0.1:8080}
     * @param apiKey the bearer value to send: the server's API key or a personal token
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) address or the key cannot be sent
     */
    public HttpFotaDeskClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, DEFAULT_HTTP);
    }

    /**
     * As {@link #HttpFotaDeskClient(String, String)}, accepting from an https server only the certificates
     * {@code trust} allows (a certificate trusted by its fingerprint, see {@link ServerTrust}).
     */
    public HttpFotaDeskClient(String baseUrl, String apiKey, ServerTrust trust) {
        this(baseUrl, apiKey, trust == ServerTrust.system() ? DEFAULT_HTTP : trust.apply(DEFAULT_HTTP));
    }

    /**
     * As {@link #HttpFotaDeskClient(String, String)}, over {@code http}: its pool, timeouts and proxy are
     * used, and it stays the caller's to shut down.
     */
    public HttpFotaDeskClient(String baseUrl, String apiKey, OkHttpClient http) {
        api = new ApiTransport(baseUrl, apiKey, http);
    }

    @Override
    public String baseUrl() {
        return api.server();
    }

    @Override
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

    @Override
    public DeviceView registerDevice(NewDevice device) {
        return api.send("POST", api.url("devices"), device, JsonType.of(DeviceView.class));
    }

    @Override
    public List<DeviceView> registerDevices(List<NewDevice> devices) {
        return api.send("POST", api.url("devices", "bulk"), devices, JsonType.listOf(DeviceView.class));
    }

    @Override
    public ImportReport importDevices(InputStream csv, boolean dryRun) {
        return importCsv(StreamBody.of(csv, CSV), dryRun);
    }

    @Override
    public ImportReport importDevices(byte[] csv, boolean dryRun) {
        return importCsv(RequestBody.create(csv, CSV), dryRun);
    }

    private ImportReport importCsv(RequestBody csv, boolean dryRun) {
        HttpUrl.Builder url = params(api.url("devices", "import"), "dryRun", dryRun);
        return api.call(api.request(url).post(csv), JsonType.of(ImportReport.class));
    }

    @Override
    public Page<DeviceView> devices(DeviceQuery query) {
        HttpUrl.Builder url = params(api.url("devices"), "client", query.client(), "deviceType", query.deviceType(),
                "status", query.status() == null ? null : query.status().wireName(), "firmware", query.firmware(),
                "imei", query.imeiDigits(), "offset", query.offset(), "limit", query.limit());
        return api.get(url, JsonType.pageOf(DeviceView.class));
    }

    @Override
    public DeviceView device(String imei) {
        return api.get(api.url("devices", imei), JsonType.of(DeviceView.class));
    }

    @Override
    public List<EventView> deviceHistory(String imei, int limit) {
        return api.get(params(api.url("devices", imei, "history"), "limit", limit), JsonType.listOf(EventView.class));
    }

    @Override
    public DeviceView setDesiredFirmware(String imei, String firmwareId) {
        return api.send("PUT", api.url("devices", imei, "desired"), new DesiredFirmware(firmwareId),
                JsonType.of(DeviceView.class));
    }

    // Firmware

    @Override
    public FirmwareView uploadFirmware(String deviceType, String version, Path file, LongConsumer progress) {
        return upload(deviceType, version, StreamBody.of(file, OCTET_STREAM, progress));
    }

    @Override
    public FirmwareView uploadFirmware(String deviceType, String version, byte[] image) {
        return upload(deviceType, version, RequestBody.create(image, OCTET_STREAM));
    }

    /** With {@code Expect: 100-continue} the server refuses a bad name, size or duplicate before the image is sent. */
    private FirmwareView upload(String deviceType, String version, RequestBody image) {
        HttpUrl.Builder url = params(api.url("firmware"), "deviceType", deviceType, "version", version);
        return api.call(api.request(url).header("Expect", "100-continue").post(image), JsonType.of(FirmwareView.class));
    }

    @Override
    public List<FirmwareView> firmware() {
        return api.get(api.url("firmware"), JsonType.listOf(FirmwareView.class));
    }

    @Override
    public FirmwareView firmware(String id) {
        return api.get(api.url("firmware", id), JsonType.of(FirmwareView.class));
    }

    @Override
    public void deleteFirmware(String id) {
        api.delete(api.url("firmware", id));
    }

    @Override
    public long downloadFirmware(String id, Path target) {
        return api.execute(api.request(api.url("firmware", id, "content")),
                body -> LocalFiles.save(body.byteStream(), target));
    }

    // Clients and device types

    @Override
    public List<CatalogEntry> clients() {
        return api.get(api.url("clients"), JsonType.listOf(CatalogEntry.class));
    }

    @Override
    public CatalogEntry createClient(String name) {
        return api.send("POST", api.url("clients"), new NewCatalogEntry(name, null), JsonType.of(CatalogEntry.class));
    }

    @Override
    public List<CatalogEntry> deviceTypes() {
        return api.get(api.url("device-types"), JsonType.listOf(CatalogEntry.class));
    }

    @Override
    public CatalogEntry createDeviceType(String name, String description) {
        return api.send("POST", api.url("device-types"), new NewCatalogEntry(name, description),
                JsonType.of(CatalogEntry.class));
    }

    // Groups

    @Override
    public GroupView createGroup(NewGroup group) {
        return api.send("POST", api.url("groups"), group, JsonType.of(GroupView.class));
    }

    @Override
    public List<GroupView> groups() {
        return api.get(api.url("groups"), JsonType.listOf(GroupView.class));
    }

    @Override
    public GroupView group(String id) {
        return api.get(api.url("groups", id), JsonType.of(GroupView.class));
    }

    @Override
    public GroupView replaceGroup(String id, NewGroup group) {
        return api.send("PUT", api.url("groups", id), group, JsonType.of(GroupView.class));
    }

    @Override
    public void deleteGroup(String id) {
        api.delete(api.url("groups", id));
    }

    @Override
    public List<String> groupImeis(String id) {
        return api.get(api.url("groups", id, "imeis"), JsonType.listOf(String.class));
    }

    @Override
    public Page<DeviceView> groupDevices(String id, int offset, int limit) {
        return api.get(params(api.url("groups", id, "devices"), "offset", offset, "limit", limit),
                JsonType.pageOf(DeviceView.class));
    }

    // Campaigns

    @Override
    public CampaignPreview previewCampaign(NewCampaign campaign, int offset, int limit) {
        return api.send("POST", params(api.url("campaigns", "preview"), "offset", offset, "limit", limit), campaign,
                JsonType.of(CampaignPreview.class));
    }

    @Override
    public Forecast rehearseCampaign(RehearsalRequest request) {
        return api.send("POST", api.url("campaigns", "rehearsals"), request, JsonType.of(Forecast.class));
    }

    @Override
    public ForecastVsActual campaignForecast(String id) {
        return api.get(api.url("campaigns", id, "forecast"), JsonType.of(ForecastVsActual.class));
    }

    @Override
    public CampaignView createCampaign(NewCampaign campaign) {
        return api.send("POST", api.url("campaigns"), campaign, JsonType.of(CampaignView.class));
    }

    @Override
    public List<CampaignView> campaigns() {
        return api.get(api.url("campaigns"), JsonType.listOf(CampaignView.class));
    }

    @Override
    public CampaignView campaign(String id) {
        return api.get(api.url("campaigns", id), JsonType.of(CampaignView.class));
    }

    @Override
    public ServerLimits limits() {
        return api.get(api.url("limits"), JsonType.of(ServerLimits.class));
    }

    @Override
    public List<ProgressPoint> campaignProgress(String id) {
        return api.get(api.url("campaigns", id, "progress"), JsonType.listOf(ProgressPoint.class));
    }

    @Override
    public Page<CampaignDeviceView> campaignDevices(String id, Integer phase, List<ActionState> states, int offset,
                                                    int limit) {
        String stateList = states == null || states.isEmpty() ? null
                : states.stream().map(ActionState::wireName).collect(Collectors.joining(","));
        HttpUrl.Builder url = params(api.url("campaigns", id, "devices"), "phase", phase, "state", stateList,
                "offset", offset, "limit", limit);
        return api.get(url, JsonType.pageOf(CampaignDeviceView.class));
    }

    @Override
    public CampaignView startCampaign(String id) {
        return steer(id, "start");
    }

    @Override
    public CampaignView pauseCampaign(String id) {
        return steer(id, "pause");
    }

    @Override
    public CampaignView resumeCampaign(String id) {
        return steer(id, "resume");
    }

    @Override
    public CampaignView cancelCampaign(String id) {
        return steer(id, "cancel");
    }

    private CampaignView steer(String id, String action) {
        return api.send("POST", api.url("campaigns", id, action), null, JsonType.of(CampaignView.class));
    }

    @Override
    public int retryFailed(String id) {
        return api.send("POST", api.url("campaigns", id, "retry"), null, JsonType.of(RetryResult.class)).retried();
    }

    // Update requests

    @Override
    public RequestView fileRequest(NewRequest request, Path file, LongConsumer progress) {
        return fileRequest(request, file.getFileName().toString(), StreamBody.of(file, OCTET_STREAM, progress));
    }

    @Override
    public RequestView fileRequest(NewRequest request, String fileName, byte[] image) {
        return fileRequest(request, fileName, RequestBody.create(image, OCTET_STREAM));
    }

    private RequestView fileRequest(NewRequest request, String fileName, RequestBody image) {
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("request", null, ApiTransport.json(request))
                .addFormDataPart("file", fileName, image)
                .build();
        return api.call(api.request(api.url("requests")).post(body), JsonType.of(RequestView.class));
    }

    @Override
    public List<RequestView> requests(RequestState state) {
        return api.get(params(api.url("requests"), "state", state == null ? null : state.wireName()),
                JsonType.listOf(RequestView.class));
    }

    @Override
    public RequestView request(String id) {
        return api.get(api.url("requests", id), JsonType.of(RequestView.class));
    }

    @Override
    public RequestView commentOnRequest(String id, String text) {
        return api.send("POST", api.url("requests", id, "comments"), new NewComment(text), JsonType.of(RequestView.class));
    }

    @Override
    public RequestReview requestReview(String id, int staleDays) {
        return api.get(params(api.url("requests", id, "review"), "staleDays", staleDays),
                JsonType.of(RequestReview.class));
    }

    @Override
    public RequestView reviewRequest(String id) {
        return requestAction(id, "review", null);
    }

    @Override
    public RequestView approveRequest(String id, RolloutPlan plan) {
        return requestAction(id, "approve", plan);
    }

    @Override
    public RequestView rejectRequest(String id, String reason) {
        return requestAction(id, "reject", new Rejection(reason));
    }

    @Override
    public RequestView withdrawRequest(String id) {
        return requestAction(id, "withdraw", null);
    }

    private RequestView requestAction(String id, String action, Object body) {
        return api.send("POST", api.url("requests", id, action), body, JsonType.of(RequestView.class));
    }

    @Override
    public List<RequestReportLine> requestReport(String id) {
        return api.get(api.url("requests", id, "report"), JsonType.listOf(RequestReportLine.class));
    }

    // Events

    @Override
    public long latestEventCursor() {
        return api.get(api.url("events"), JsonType.of(EventPage.class)).cursor();
    }

    @Override
    public EventPage events(long since, int waitSeconds) {
        return api.withReadTimeout(Duration.ofSeconds(Math.max(0, waitSeconds)).plus(POLL_MARGIN))
                .get(params(api.url("events"), "since", since, "wait", waitSeconds), JsonType.of(EventPage.class));
    }

    // Sessions

    @Override
    public Session signIn(String username, String password) {
        // Requests under way meanwhile (polls, a screen loading) keep the current credential until this one
        // is known; sent without any, they would be refused and count as failed sign-ins.
        Session session;
        try {
            session = api.sendWithoutCredential("POST", api.url("sessions"), new SignIn(username, password),
                    JsonType.of(Session.class));
        } catch (RuntimeException e) {
            api.useBearer(null); // a failed sign-in leaves no one signed in
            throw e;
        }
        api.useBearer(session.token());
        return session;
    }

    @Override
    public Session useToken(String token) {
        api.useBearer(token);
        try {
            return currentSession();
        } catch (RuntimeException e) {
            api.useBearer(null);
            throw e;
        }
    }

    @Override
    public void signOut() {
        try {
            if (currentSession().expiresAt() != null) { // only a session can be ended; a token just stops being sent
                api.delete(api.url("sessions", "current"));
            }
        } catch (UnauthorizedException e) {
            // ended already (expired or revoked): nothing left to end
        } finally {
            api.useBearer(null);
        }
    }

    @Override
    public Session currentSession() {
        return api.get(api.url("sessions", "current"), JsonType.of(Session.class));
    }

    @Override
    public void changeOwnPassword(PasswordChange change) {
        api.send("PUT", api.url("users", "me", "password"), change);
    }

    // Users

    @Override
    public List<UserView> users() {
        return api.get(api.url("users"), JsonType.listOf(UserView.class));
    }

    @Override
    public UserView createUser(NewUser user) {
        return api.send("POST", api.url("users"), user, JsonType.of(UserView.class));
    }

    @Override
    public UserView changeUser(String username, UserChange change) {
        return api.send("PATCH", api.url("users", username), change, JsonType.of(UserView.class));
    }

    @Override
    public void deleteUser(String username) {
        api.delete(api.url("users", username));
    }

    @Override
    public List<ApiTokenView> tokensOf(String username) {
        return api.get(api.url("users", username, "tokens"), JsonType.listOf(ApiTokenView.class));
    }

    @Override
    public void revokeTokenOf(String username, String id) {
        api.delete(api.url("users", username, "tokens", id));
    }

    // Tokens

    @Override
    public IssuedApiToken createToken(NewApiToken token) {
        return api.send("POST", api.url("tokens"), token, JsonType.of(IssuedApiToken.class));
    }

    @Override
    public List<ApiTokenView> tokens() {
        return api.get(api.url("tokens"), JsonType.listOf(ApiTokenView.class));
    }

    @Override
    public void revokeToken(String id) {
        api.delete(api.url("tokens", id));
    }

    // Audit

    @Override
    public Page<AuditEntry> audit(AuditQuery query, int offset, int limit) {
        HttpUrl.Builder url = params(api.url("audit"), "actor", query.actor(), "action", query.action(),
                "object", query.object(), "since", query.since(), "until", query.until(), "offset", offset,
                "limit", limit);
        return api.get(url, JsonType.pageOf(AuditEntry.class));
    }
}
