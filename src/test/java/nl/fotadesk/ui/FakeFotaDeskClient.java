package nl.fotadesk.ui;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.UnauthorizedException;
import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.client.ValidationException;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.IssuedApiToken;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.ProgressPoint;
import nl.fotadesk.protocol.api.ServerLimits;
import nl.fotadesk.protocol.api.PasswordChange;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.prefs.Preferences;

/**
 * A server in memory for tests of view models: the groups, firmware and catalog calls work on its
 * lists; {@link #failNext} makes the next call fail as a real server's refusal would. Calls the
 * tests do not need are unsupported.
 */
public final class FakeFotaDeskClient implements FotaDeskClient {
    public final List<DeviceView> devices = new ArrayList<>();
    public final List<FirmwareView> firmware = new ArrayList<>();
    public final List<String> clients = new ArrayList<>();
    public final List<String> deviceTypes = new ArrayList<>();
    public final Map<String, GroupView> groups = new LinkedHashMap<>();
    public final Map<String, List<String>> groupImeis = new LinkedHashMap<>();
    /** Users by username, with their passwords in {@link #passwords}. */
    public final Map<String, UserView> users = new LinkedHashMap<>();
    public final Map<String, String> passwords = new LinkedHashMap<>();
    /** The signed-in user's tokens. */
    public final List<ApiTokenView> tokens = new ArrayList<>();
    /** Other users' tokens, by username. */
    public final Map<String, List<ApiTokenView>> tokensOf = new LinkedHashMap<>();
    /** The audit trail, newest first. */
    public final List<AuditEntry> audit = new ArrayList<>();
    /** The last audit query asked for. */
    public AuditQuery lastAuditQuery;
    /** Update requests by id, newest first. */
    public final Map<String, RequestView> requests = new LinkedHashMap<>();
    /** What {@link #requestReview} answers for any request. */
    public RequestReview review;
    /** What {@link #requestReport} answers for any request. */
    public final List<RequestReportLine> report = new ArrayList<>();
    /** The plan of the last approval. */
    public RolloutPlan approvedPlan;
    /** Who is signed in, or null. */
    public UserView signedIn;

    public final List<String> calls = new ArrayList<>();
    /** The largest image the server accepts, as {@link #limits()} tells it. */
    public long maxFirmwareBytes = 64L * 1024 * 1024;
    /** Thrown by the next call, then cleared. */
    public RuntimeException failNext;
    private int ids;

    /** A context that runs work and its results on the calling thread, talking to {@code client}, in English. */
    public static UiContext context(FakeFotaDeskClient client) {
        return UiContext.sameThread(client, new I18n(Locale.ENGLISH),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime())));
    }

    private void call(String what) {
        calls.add(what);
        RuntimeException e = failNext;
        failNext = null;
        if (e != null) {
            throw e;
        }
    }

    public static DeviceView device(String imei, String type, String client, String reported) {
        return new DeviceView(imei, type, client, reported, null, null, null, null, null, null, null, Map.of(), null);
    }

    public static FirmwareView image(String id, String type, String version, long devices, long campaigns) {
        return new FirmwareView(id, type, version, 1000, "ab".repeat(32), "0badcafe", "2026-01-02T03:04:05Z",
                devices, campaigns);
    }

    @Override
    public String baseUrl() {
        return "http://fake";
    }

    @Override
    public void checkConnection() {
        call("checkConnection");
    }

    @Override
    public Page<DeviceView> devices(DeviceQuery query) {
        call("devices");
        List<DeviceView> matching = devices.stream()
                .filter(d -> query.client() == null || query.client().equals(d.client()))
                .filter(d -> query.deviceType() == null || query.deviceType().equals(d.deviceType()))
                .filter(d -> query.firmware() == null || query.firmware().equals(d.reportedFirmware()))
                .filter(d -> query.status() == null || query.status() == d.status())
                .toList();
        return page(matching, query.offset(),
                query.limit() == null ? matching.size() : query.limit());
    }

    private static <T> Page<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return new Page<>(all.subList(from, Math.min(all.size(), from + limit)), all.size(), offset, limit);
    }

    @Override
    public List<FirmwareView> firmware() {
        call("firmware");
        return List.copyOf(firmware);
    }

    @Override
    public FirmwareView firmware(String id) {
        call("firmware " + id);
        return firmware.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void deleteFirmware(String id) {
        call("deleteFirmware " + id);
        firmware.removeIf(f -> f.id().equals(id));
    }

    @Override
    public long downloadFirmware(String id, Path target) {
        call("downloadFirmware " + id);
        byte[] image = new byte[(int) firmware(id).size()];
        try {
            Files.write(target, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image.length;
    }

    @Override
    public List<CatalogEntry> clients() {
        call("clients");
        return clients.stream().map(c -> new CatalogEntry(c, null, 0, null, null)).toList();
    }

    @Override
    public List<CatalogEntry> deviceTypes() {
        call("deviceTypes");
        return deviceTypes.stream().map(t -> new CatalogEntry(t, null, 0, 0L, null)).toList();
    }

    @Override
    public GroupView createGroup(NewGroup group) {
        String id = "g" + ++ids;
        call("createGroup " + id);
        return store(id, group);
    }

    private GroupView store(String id, NewGroup group) {
        GroupKind kind = group.imeis() == null ? GroupKind.FILTER : GroupKind.STATIC;
        long members = kind == GroupKind.STATIC ? group.imeis().size() : 0;
        GroupView g = new GroupView(id, group.name(), kind, group.filter(), members, "2026-01-02T03:04:05Z");
        groups.put(id, g);
        if (group.imeis() != null) {
            groupImeis.put(id, List.copyOf(group.imeis()));
        }
        return g;
    }

    @Override
    public List<GroupView> groups() {
        call("groups");
        return List.copyOf(groups.values());
    }

    @Override
    public GroupView group(String id) {
        call("group " + id);
        return Objects.requireNonNull(groups.get(id));
    }

    @Override
    public GroupView replaceGroup(String id, NewGroup group) {
        call("replaceGroup " + id);
        return store(id, group);
    }

    @Override
    public void deleteGroup(String id) {
        call("deleteGroup " + id);
        groups.remove(id);
        groupImeis.remove(id);
    }

    @Override
    public List<String> groupImeis(String id) {
        call("groupImeis " + id);
        return Optional.ofNullable(groupImeis.get(id)).orElse(List.of());
    }

    @Override
    public Page<DeviceView> groupDevices(String id, int offset, int limit) {
        call("groupDevices " + id + " " + offset);
        List<String> imeis = groupImeis.getOrDefault(id, List.of());
        return page(devices.stream().filter(d -> imeis.contains(d.imei())).toList(), offset, limit);
    }

    // Not used by the models under test

    @Override
    public DeviceView registerDevice(NewDevice device) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DeviceView> registerDevices(List<NewDevice> devices) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ImportReport importDevices(InputStream csv, boolean dryRun) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ImportReport importDevices(byte[] csv, boolean dryRun) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeviceView device(String imei) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<EventView> deviceHistory(String imei, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeviceView setDesiredFirmware(String imei, String firmwareId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FirmwareView uploadFirmware(String deviceType, String version, Path file, LongConsumer progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FirmwareView uploadFirmware(String deviceType, String version, byte[] image) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CatalogEntry createClient(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CatalogEntry createDeviceType(String name, String description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignPreview previewCampaign(NewCampaign campaign, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView createCampaign(NewCampaign campaign) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CampaignView> campaigns() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView campaign(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServerLimits limits() {
        call("limits");
        return new ServerLimits(maxFirmwareBytes);
    }

    @Override
    public List<ProgressPoint> campaignProgress(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public nl.fotadesk.protocol.api.Forecast rehearseCampaign(nl.fotadesk.protocol.api.RehearsalRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public nl.fotadesk.protocol.api.ForecastVsActual campaignForecast(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<CampaignDeviceView> campaignDevices(String id, Integer phase, List<ActionState> states, int offset,
                                                    int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView startCampaign(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView pauseCampaign(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView resumeCampaign(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CampaignView cancelCampaign(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int retryFailed(String id) {
        throw new UnsupportedOperationException();
    }

    /** A request as the server would answer it, with one history step for its state. */
    public static RequestView request(String id, RequestState state, String deviceType, String version, int devices) {
        return new RequestView(id, state, "Rita Acme (requester)", "acme", deviceType, version, "Fixes.", null, null,
                "rita@acme.example", deviceType + "-" + version + ".bin", 1000, "ab".repeat(32), "0badcafe", devices,
                null, null, null, "2026-12-03T10:00:00Z", "2026-12-03T10:00:00Z",
                List.of(new RequestStep("2026-12-03T10:00:00Z", "Rita Acme (requester)", state, null)), List.of());
    }

    @Override
    public RequestView fileRequest(NewRequest request, Path file, LongConsumer progress) {
        try {
            long size = Files.size(file);
            RequestView filed = fileRequest(request, file.getFileName().toString(), new byte[0]);
            progress.accept(size);
            return filed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RequestView fileRequest(NewRequest request, String fileName, byte[] image) {
        call("fileRequest " + request.deviceType() + " " + request.version() + " " + fileName);
        RequestView filed = request("r" + ++ids, RequestState.SUBMITTED, request.deviceType(), request.version(), 1);
        requests.put(filed.id(), filed);
        return filed;
    }

    @Override
    public List<RequestView> requests(RequestState state) {
        call("requests " + state);
        return requests.values().stream().filter(r -> state == null || r.state() == state).toList();
    }

    @Override
    public RequestView request(String id) {
        call("request " + id);
        return requestOrFail(id);
    }

    private RequestView requestOrFail(String id) {
        RequestView request = requests.get(id);
        if (request == null) {
            throw new NotFoundException("not_found", "no request " + id, null);
        }
        return request;
    }

    @Override
    public RequestView commentOnRequest(String id, String text) {
        call("comment " + id + " " + text);
        RequestView r = requestOrFail(id);
        List<RequestComment> comments = new ArrayList<>(r.comments());
        comments.add(new RequestComment("2026-12-03T11:00:00Z", "Me", signedIn == null ? Role.OPERATOR
                : signedIn.role(), text));
        return store(new RequestView(r.id(), r.state(), r.requestedBy(), r.client(), r.deviceType(), r.version(),
                r.releaseNotes(), r.target(), r.window(), r.contact(), r.fileName(), r.size(), r.sha256(), r.crc32(),
                r.deviceCount(), r.reason(), r.campaignId(), r.campaign(), r.createdAt(), r.updatedAt(), r.history(),
                comments));
    }

    @Override
    public RequestReview requestReview(String id, int staleDays) {
        call("review facts " + id + " " + staleDays);
        return review;
    }

    @Override
    public RequestView reviewRequest(String id) {
        call("review " + id);
        return moveRequest(id, RequestState.IN_REVIEW, null, null);
    }

    @Override
    public RequestView approveRequest(String id, RolloutPlan plan) {
        call("approve " + id);
        approvedPlan = plan;
        return moveRequest(id, RequestState.APPROVED, null, "c-" + id);
    }

    @Override
    public RequestView rejectRequest(String id, String reason) {
        call("reject " + id + " " + reason);
        return moveRequest(id, RequestState.REJECTED, reason, null);
    }

    @Override
    public RequestView withdrawRequest(String id) {
        call("withdraw " + id);
        return moveRequest(id, RequestState.WITHDRAWN, null, null);
    }

    private RequestView moveRequest(String id, RequestState state, String reason, String campaignId) {
        RequestView r = requestOrFail(id);
        List<RequestStep> history = new ArrayList<>(r.history());
        history.add(new RequestStep("2026-12-03T12:00:00Z", "Me", state, null));
        return store(new RequestView(r.id(), state, r.requestedBy(), r.client(), r.deviceType(), r.version(),
                r.releaseNotes(), r.target(), r.window(), r.contact(), r.fileName(), r.size(), r.sha256(), r.crc32(),
                r.deviceCount(), reason, campaignId, r.campaign(), r.createdAt(), r.updatedAt(), history,
                r.comments()));
    }

    /** {@code r} with this history and these comments. */
    public static RequestView with(RequestView r, List<RequestStep> history, List<RequestComment> comments) {
        return new RequestView(r.id(), r.state(), r.requestedBy(), r.client(), r.deviceType(), r.version(),
                r.releaseNotes(), r.target(), r.window(), r.contact(), r.fileName(), r.size(), r.sha256(), r.crc32(),
                r.deviceCount(), r.reason(), r.campaignId(), r.campaign(), r.createdAt(), r.updatedAt(), history, comments);
    }

    private RequestView store(RequestView request) {
        requests.put(request.id(), request);
        return request;
    }

    @Override
    public List<RequestReportLine> requestReport(String id) {
        call("report " + id);
        return report;
    }

    @Override
    public long latestEventCursor() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventPage events(long since, int waitSeconds) {
        throw new UnsupportedOperationException();
    }

    /** Adds a user who can sign in with {@code password}. */
    public UserView addUser(String username, String password, Role role, String client, List<String> deviceTypes) {
        UserView user = new UserView(username, username, role, client, deviceTypes, false);
        users.put(username, user);
        passwords.put(username, password);
        return user;
    }

    @Override
    public Session signIn(String username, String password) {
        call("signIn " + username);
        UserView user = users.get(username);
        if (user == null || user.disabled() || !password.equals(passwords.get(username))) {
            signedIn = null;
            throw new UnauthorizedException("unauthorized", "Wrong username or password.", null);
        }
        signedIn = user;
        return new Session("fds_" + username, "2030-01-01T00:00:00Z", user);
    }

    @Override
    public Session useToken(String token) {
        call("useToken");
        UserView user = users.get(token);
        if (user == null) {
            throw new UnauthorizedException("unauthorized", "Unknown token.", null);
        }
        signedIn = user;
        return new Session(null, null, user);
    }

    @Override
    public void signOut() {
        call("signOut");
        signedIn = null;
    }

    @Override
    public Session currentSession() {
        call("currentSession");
        return new Session(null, null, signedIn);
    }

    @Override
    public void changeOwnPassword(PasswordChange change) {
        call("changeOwnPassword");
        if (!change.currentPassword().equals(passwords.get(signedIn.username()))) {
            throw new ValidationException(400, "invalid_current_password", "the current password is wrong", List.of(), null);
        }
        passwords.put(signedIn.username(), change.newPassword());
    }

    @Override
    public List<UserView> users() {
        call("users");
        return List.copyOf(users.values());
    }

    @Override
    public UserView createUser(NewUser user) {
        call("createUser " + user.username());
        if (users.containsKey(user.username())) {
            throw new ApiException(409, "user_exists", "A user with this name exists already.", List.of(), null);
        }
        UserView created = new UserView(user.username(), user.displayName() == null ? user.username() : user.displayName(),
                user.role(), user.client(), user.deviceTypes(), false);
        users.put(user.username(), created);
        passwords.put(user.username(), user.password());
        return created;
    }

    @Override
    public UserView changeUser(String username, UserChange change) {
        call("changeUser " + username + " " + change);
        UserView u = users.get(username);
        boolean newRole = change.role() != null;
        UserView changed = new UserView(username, change.displayName() != null ? change.displayName() : u.displayName(),
                newRole ? change.role() : u.role(), newRole ? change.client() : u.client(),
                newRole ? change.deviceTypes() : u.deviceTypes(),
                change.disabled() != null ? change.disabled() : u.disabled());
        users.put(username, changed);
        if (change.password() != null) {
            passwords.put(username, change.password());
        }
        return changed;
    }

    @Override
    public void deleteUser(String username) {
        call("deleteUser " + username);
        users.remove(username);
    }

    @Override
    public List<ApiTokenView> tokensOf(String username) {
        call("tokensOf " + username);
        return List.copyOf(tokensOf.getOrDefault(username, List.of()));
    }

    @Override
    public void revokeTokenOf(String username, String id) {
        call("revokeTokenOf " + username + " " + id);
        tokensOf.getOrDefault(username, new ArrayList<>()).removeIf(t -> t.id().equals(id));
    }

    @Override
    public IssuedApiToken createToken(NewApiToken token) {
        call("createToken " + token.name());
        String id = "t" + ++ids;
        tokens.add(new ApiTokenView(id, token.name(), "2026-01-02T03:04:05Z", token.expiresAt(), null));
        return new IssuedApiToken(id, "fdt_secret_" + id);
    }

    @Override
    public List<ApiTokenView> tokens() {
        call("tokens");
        return List.copyOf(tokens);
    }

    @Override
    public void revokeToken(String id) {
        call("revokeToken " + id);
        tokens.removeIf(t -> t.id().equals(id));
    }

    @Override
    public Page<AuditEntry> audit(AuditQuery query, int offset, int limit) {
        call("audit " + offset);
        lastAuditQuery = query;
        List<AuditEntry> matching = audit.stream()
                .filter(e -> query.actor() == null || query.actor().equals(e.actor()))
                .filter(e -> query.action() == null || query.action().equals(e.action()))
                .filter(e -> query.object() == null || e.object().startsWith(query.object()))
                .toList();
        return page(matching, offset, limit);
    }
}
