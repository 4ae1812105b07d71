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
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
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
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The management API of a FOTA Desk server ({@code /api/v1}), one method per route. Thread-safe;
 * calls block, so a user interface calls them off its UI thread.
 * <p>
 * Every failure is a {@link FotaDeskException}: an {@link ApiException} subclass when the server
 * refused the request, a {@link ConnectionException} when no FOTA Desk server could be talked to.
 * Failures reading or writing the caller's own files are {@link java.io.UncheckedIOException}s; an
 * empty, "." or ".." id or IMEI, which no path can hold, is an {@link IllegalArgumentException}.
 * <p>
 * {@link HttpFotaDeskClient} talks to a server; tests of view models give them a fake.
 */
public interface FotaDeskClient {
    /** The server address, e.g. {@code http://127.0.0.1:8080}. */
    String baseUrl();

    /**
     * Checks the address and the API key with one cheap request; returns when both are right.
     * @throws ConnectionException when no FOTA Desk server answers at the address
     *         ({@link ConnectionException#reason()} says why)
     * @throws UnauthorizedException when the server does not accept the API key
     */
    void checkConnection();

    // Devices

    /** Registers one device; the answer holds the secret only when the server generated it. */
    DeviceView registerDevice(NewDevice device);

    /**
     * Registers all devices or none.
     * @throws ValidationException listing every refused entry in {@link ApiException#itemErrors()}
     */
    List<DeviceView> registerDevices(List<NewDevice> devices);

    /**
     * Imports devices from CSV (header: imei, deviceType, client, optional secret and firmware), streamed
     * from {@code csv}, which is read to its end and closed. Good lines are stored unless {@code dryRun};
     * bad ones are listed in the report.
     */
    ImportReport importDevices(InputStream csv, boolean dryRun);

    /** As {@link #importDevices(InputStream, boolean)}, from CSV in memory. */
    ImportReport importDevices(byte[] csv, boolean dryRun);

    Page<DeviceView> devices(DeviceQuery query);

    DeviceView device(String imei);

    /** The device's newest {@code limit} events, oldest first. */
    List<EventView> deviceHistory(String imei, int limit);

    /**
     * Sets the firmware the device should run, starting its update unless it runs that version already.
     * @throws ConflictException when a campaign holds the device
     */
    DeviceView setDesiredFirmware(String imei, String firmwareId);

    // Firmware

    /**
     * Uploads an image streamed from {@code file}; the server computes its SHA-256 and CRC-32.
     * @param progress told the bytes sent so far after each chunk, on the calling thread; ends at the file size
     */
    FirmwareView uploadFirmware(String deviceType, String version, Path file, LongConsumer progress);

    /** As {@link #uploadFirmware(String, String, Path, LongConsumer)}, from an image in memory. */
    FirmwareView uploadFirmware(String deviceType, String version, byte[] image);

    List<FirmwareView> firmware();

    FirmwareView firmware(String id);

    /** @throws ConflictException while a device or campaign uses the image */
    void deleteFirmware(String id);

    /**
     * Downloads the image to {@code target} (replaced if it exists; left untouched if the download fails).
     * @return the number of bytes written
     */
    long downloadFirmware(String id, Path target);

    // Clients and device types

    List<CatalogEntry> clients();

    CatalogEntry createClient(String name);

    List<CatalogEntry> deviceTypes();

    /** @param description may be null */
    CatalogEntry createDeviceType(String name, String description);

    // Groups

    GroupView createGroup(NewGroup group);

    List<GroupView> groups();

    GroupView group(String id);

    /** Replaces the name and filter or IMEI list; a group keeps its kind (filter or static). */
    GroupView replaceGroup(String id, NewGroup group);

    void deleteGroup(String id);

    /** A static group's stored IMEI list, registered devices or not (for editing it). */
    List<String> groupImeis(String id);

    /** The group's devices now, a page of {@code limit} from {@code offset}. */
    Page<DeviceView> groupDevices(String id, int offset, int limit);

    // Campaigns

    /** What the campaign would target, without creating it, with the first page of its devices. */
    default CampaignPreview previewCampaign(NewCampaign campaign) {
        return previewCampaign(campaign, 0, PREVIEW_PAGE);
    }

    /** What the campaign would target, with {@code limit} of its devices from {@code offset}. */
    CampaignPreview previewCampaign(NewCampaign campaign, int offset, int limit);

    /** The devices a preview lists unless asked for another page. */
    int PREVIEW_PAGE = 50;

    /**
     * Creates the campaign, and starts (or schedules) it when {@link NewCampaign#start()} is true.
     * @throws ConflictException when another campaign holds some of its devices
     */
    CampaignView createCampaign(NewCampaign campaign);

    List<CampaignView> campaigns();

    CampaignView campaign(String id);

    /** What the server accepts: the largest firmware image. */
    ServerLimits limits();

    /** The campaign's counts per action state over time, oldest first, as the server sampled them. */
    List<ProgressPoint> campaignProgress(String id);

    /** Rehearses a campaign before it runs: the forecast of its duration, failures, pause and data. */
    Forecast rehearseCampaign(RehearsalRequest request);

    /** The forecast kept by a campaign's last rehearsal, beside what it did. */
    ForecastVsActual campaignForecast(String id);

    /**
     * The campaign's devices, a page of {@code limit} from {@code offset}.
     * @param phase only this phase (0-based), or null for all
     * @param states only devices in these states, or null (or empty) for all
     */
    Page<CampaignDeviceView> campaignDevices(String id, Integer phase, List<ActionState> states, int offset, int limit);

    /** Starts a draft (or schedules it, when it has a start time ahead). @throws ConflictException in another state */
    CampaignView startCampaign(String id);

    /** @throws ConflictException unless the campaign is running or scheduled */
    CampaignView pauseCampaign(String id);

    /** @throws ConflictException unless the campaign is paused */
    CampaignView resumeCampaign(String id);

    /** @throws ConflictException when the campaign is completed or cancelled already */
    CampaignView cancelCampaign(String id);

    /**
     * Gives the failed and timed-out devices another attempt.
     * @return how many devices were retried
     */
    int retryFailed(String id);

    // Update requests

    /**
     * Files an update request with its image streamed from {@code file} (its name is kept).
     * @param progress told the bytes of the image sent so far after each chunk, on the calling thread
     */
    RequestView fileRequest(NewRequest request, Path file, LongConsumer progress);

    /** As {@link #fileRequest(NewRequest, Path, LongConsumer)}, with an image in memory named {@code fileName}. */
    RequestView fileRequest(NewRequest request, String fileName, byte[] image);

    /** The requests the caller sees, newest first; only those in {@code state} unless it is null. */
    List<RequestView> requests(RequestState state);

    /** The request with its history, comments and campaign. */
    RequestView request(String id);

    /** Adds a comment to the request's thread. */
    RequestView commentOnRequest(String id, String text);

    /** The facts an operator decides on; a device not seen for {@code staleDays} days counts as not seen. */
    RequestReview requestReview(String id, int staleDays);

    /** Takes a submitted request into review. @throws ConflictException in another state */
    RequestView reviewRequest(String id);

    /**
     * Approves a request in review: its campaign is created with {@code plan} (null: the prefilled plan) and started.
     * @throws ConflictException in another state, when another campaign holds devices, or the version has other bytes
     */
    RequestView approveRequest(String id, RolloutPlan plan);

    /** Rejects a request in review with a reason for the requester. @throws ConflictException in another state */
    RequestView rejectRequest(String id, String reason);

    /** Withdraws one's own request before it is decided. @throws ConflictException once it is decided */
    RequestView withdrawRequest(String id);

    /** The outcome of an approved request per device, in IMEI order. */
    List<RequestReportLine> requestReport(String id);

    // Events

    /** The cursor of the newest event, where a live view starts following {@link #events(long, int)}. */
    long latestEventCursor();

    /**
     * The events after cursor {@code since}. With {@code waitSeconds} above 0 (at most 30) this is a long
     * poll: the server answers as soon as there is an event, or empty when the wait is over.
     */
    EventPage events(long since, int waitSeconds);

    // Sessions: who this client acts for

    /**
     * Signs in; from then on this client acts for the user with the session's token (kept in memory only).
     * @throws UnauthorizedException for a wrong username or password, or a disabled user
     */
    Session signIn(String username, String password);

    /**
     * Acts from now on with a personal API token (or the server's API key) and returns whom it stands for.
     * @throws UnauthorizedException when the server does not accept it (the client then sends none)
     */
    Session useToken(String token);

    /** Ends the session on the server (a token is only forgotten) and sends no credential any more. */
    void signOut();

    /** Whom the credential in use stands for ({@code expiresAt} only for a session). */
    Session currentSession();

    /** Changes the signed-in user's own password; their sessions end, so they sign in again. */
    void changeOwnPassword(PasswordChange change);

    // Users (operators)

    List<UserView> users();

    UserView createUser(NewUser user);

    /** Changes the fields given (role with its scope, display name, disabled, a password reset). */
    UserView changeUser(String username, UserChange change);

    void deleteUser(String username);

    /** Another user's personal API tokens, never their values. */
    List<ApiTokenView> tokensOf(String username);

    /** Revokes one of another user's tokens; it is refused at once. */
    void revokeTokenOf(String username, String id);

    // The signed-in user's personal API tokens

    /** A new token: its value is in this answer only. */
    IssuedApiToken createToken(NewApiToken token);

    List<ApiTokenView> tokens();

    void revokeToken(String id);

    // Audit trail

    /** A page of the audit trail, newest first (operators see all, others their own actions). */
    Page<AuditEntry> audit(AuditQuery query, int offset, int limit);
}
