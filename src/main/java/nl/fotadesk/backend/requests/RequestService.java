package nl.fotadesk.backend.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.campaign.CampaignPlan;
import nl.fotadesk.backend.campaign.CampaignService;
import nl.fotadesk.backend.campaign.MaintenanceWindow;
import nl.fotadesk.backend.campaign.RolloutEngine;
import nl.fotadesk.backend.campaign.TargetResolver;
import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.files.ImageUpload;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.RequestRow;
import nl.fotadesk.backend.store.RequestStore;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.RequestCampaign;
import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestReview;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.protocol.api.WishedWindow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Update requests: a user without FOTA access (a requester, or a customer or supplier) files a firmware
 * image with the devices it is for; an operator reviews it, then approves it into a campaign or rejects
 * it. The image is stored apart from the firmware list: only approval gives it a firmware record, so
 * no campaign can use it before. Users see the requests of their scope only (operators all of them);
 * every change is in the audit trail and the request's own history.
 */
public final class RequestService {
    /** Devices not seen for this many days or more are pointed out in the review, unless asked otherwise. */
    public static final int DEFAULT_STALE_DAYS = 7;
    public static final int STALE_DAYS_MAX = 3650;
    /** A pilot of 10 %, then the rest: the plan a review starts from. */
    static final List<PhaseSpec> DEFAULT_PHASES = List.of(PhaseSpec.percent(10), PhaseSpec.percent(100));
    static final int TEXT = 4000;
    static final int CONTACT = 256;
    static final int REASON = 1024;
    /** IMEIs a review lists as examples of a group of devices. */
    private static final int SOME = 5;
    private static final int COPY_BUFFER = 64 * 1024;
    private static final int PUT_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final RequestStore store;
    private final FirmwareStore firmware;
    private final CatalogStore catalog;
    private final ImageStore images;
    private final DeviceStore devices;
    private final TargetResolver resolver;
    private final CampaignService campaigns;
    private final RolloutEngine engine;
    private final AuditTrail audit;
    private final EventLog events;
    private final long maxSize;
    private final Clock clock;

    public RequestService(Jdbc jdbc, RequestStore store, FirmwareStore firmware, CatalogStore catalog, ImageStore images,
                          DeviceStore devices, TargetResolver resolver, CampaignService campaigns, RolloutEngine engine,
                          AuditTrail audit, EventLog events, long maxSize, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.firmware = firmware;
        this.catalog = catalog;
        this.images = images;
        this.devices = devices;
        this.resolver = resolver;
        this.campaigns = campaigns;
        this.engine = engine;
        this.audit = audit;
        this.events = events;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The largest image a request may carry, in bytes. */
    public long maxImageSize() {
        return maxSize;
    }

    /**
     * Files a request: checks what it asks (names, texts, window, and that its target holds devices of the
     * filer's scope that need the version), then stores the image (read from {@code image}) and the request.
     */
    public RequestView file(Principal actor, NewRequest spec, String fileName, InputStream image) throws IOException {
        if (!actor.role().mayRequest()) {
            throw new Forbidden("a " + actor.role().wireName() + " files no update requests");
        }
        String deviceType = Names.name("deviceType", spec.deviceType());
        String version = Names.version("version", spec.version());
        if (!actor.scope().admitsDeviceType(deviceType)) {
            throw new Forbidden("a supplier files requests for their own device types only ("
                    + String.join(", ", actor.scope().deviceTypes().stream().sorted().toList()) + ")");
        }
        String notes = spec.releaseNotes() == null ? null : multiline("releaseNotes", spec.releaseNotes(), TEXT);
        String contact = spec.contact() == null ? null : Limits.text("contact", spec.contact(), CONTACT);
        String name = fileName(fileName, deviceType + "-" + version + ".bin");
        CampaignTarget target = CampaignService.target(spec.target());
        checkWindow(spec.window());
        String client = actor.scope().client();
        int deviceCount = inScope(client, target, deviceType, version, 0).targeted().size();
        if (deviceCount == 0) {
            throw new Invalid("no_devices", "the target holds no device" + (client == null ? "" : " of " + client)
                    + " of type " + deviceType + " that needs version " + version);
        }
        try (ImageUpload upload = images.receive(maxSize)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n; (n = image.read(buffer)) > 0; ) {
                upload.write(ByteBuffer.wrap(buffer, 0, n));
            }
            ImageStore.StoredImage stored = upload.finish();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            RequestRow row = new RequestRow(UUID.randomUUID().toString(), RequestState.SUBMITTED, actor.username(),
                    actor.described(), client, deviceType, version, notes, json(target), spec.window() == null ? null
                    : json(spec.window()), contact, name, stored.sha256(), stored.size(), stored.crc32(), deviceCount, null,
                    null, now, now);
            retryingContention(() -> {
                store.insert(row);
                record(row.id(), now, actor, RequestState.SUBMITTED, RequestNote.devices(deviceCount));
                audit.done(actor, "request.file", "request/" + row.id(), deviceType + " " + version + ", " + deviceCount
                        + " devices, " + stored.size() + " bytes");
                try {
                    images.persist(upload);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            images.cache(upload);
            return view(actor, row);
        }
    }

    /** The requests {@code who} sees, newest first, optionally only those in {@code state}. */
    public List<RequestView> list(Principal who, RequestState state) {
        return store.list(state).stream().filter(r -> visible(who, r)).map(r -> view(who, r)).toList();
    }

    public RequestView get(Principal who, String id) {
        return view(who, find(who, id));
    }

    public RequestView comment(Principal actor, String id, String text) {
        RequestRow r = find(actor, id);
        String checked = multiline("text", text, TEXT);
        Instant now = clock.instant();
        jdbc.inTransaction(() -> {
            store.addEvent(r.id(), new RequestStore.EventRow(now, actor.username(), actor.described(), actor.role(), null,
                    checked, null, null));
            events.appendRequest(r.id(), EventView.COMMENTED, EventCode.REQUEST_COMMENTED.detail(null));
            store.touch(r.id(), now);
            audit.done(actor, "request.comment", "request/" + r.id(), checked);
            return null;
        });
        return get(actor, id);
    }

    /** An operator takes the request into review. */
    public RequestView review(Principal actor, String id) {
        return move(actor, id, RequestTransition.REVIEW, null);
    }

    /** The requester withdraws their request before it is decided. */
    public RequestView withdraw(Principal actor, String id) {
        RequestRow r = find(actor, id);
        if (!r.requestedBy().equals(actor.username())) {
            throw new Forbidden("only the user who filed a request withdraws it; an operator rejects it instead");
        }
        return move(actor, id, RequestTransition.WITHDRAW, null);
    }

    public RequestView reject(Principal actor, String id, String reason) {
        return move(actor, id, RequestTransition.REJECT, Limits.text("reason", reason, REASON));
    }

    /**
     * Approves the request into a campaign of {@code plan} (absent fields from the review's prefilled plan):
     * the image becomes firmware (or is the stored firmware of that version when its bytes are the same),
     * the campaign targets the request's devices within the filer's scope and starts, scheduled and limited to
     * its window; the devices' current versions are kept for the report. All of it or nothing.
     */
    public RequestView approve(Principal actor, String id, RolloutPlan plan) {
        RequestRow seen = find(actor, id);
        RolloutPlan defaults = defaultPlan(seen);
        String campaignId = jdbc.inTransaction(() -> {
            RequestRow r = store.lock(id).orElseThrow();
            RequestTransition.APPROVE.from(r.state());
            Instant now = clock.instant();
            FirmwareRow image = firmwareOf(r, now);
            CampaignView campaign = campaigns.create(actor, campaign(r, plan, defaults, image.id()));
            store.insertDevices(r.id(), oldVersions(actor, campaign.id()));
            store.setState(r.id(), RequestState.APPROVED, null, campaign.id(), now);
            record(r.id(), now, actor, RequestState.APPROVED, RequestNote.campaign(campaign.name(), campaign.devices()));
            audit.done(actor, "request.approve", "request/" + r.id(), "campaign/" + campaign.id());
            return campaign.id();
        });
        try {
            engine.start(actor, campaignId);
        } catch (Conflict devicesTakenMeanwhile) {
            // another campaign took some of the devices since the approval checked them: the campaign
            // stays a draft, linked to the request, for the operator to start
        }
        return get(actor, id);
    }

    /**
     * The plan a rehearsal runs for the campaign that approving the request with {@code plan} would create: its
     * image as it would become firmware, checked as approving checks it; nothing is stored. Only a request
     * still to be decided is rehearsed.
     */
    public CampaignPlan plan(Principal who, String id, RolloutPlan plan) {
        RequestRow r = find(who, id);
        if (r.state().isFinal()) {
            throw new Conflict("invalid_state", "the request is " + r.state().wireName() + "; only a request that is"
                    + " still to be decided can be rehearsed", r.state().wireName());
        }
        FirmwareRow image = new FirmwareRow(null, r.deviceType(), r.version(), r.size(), r.sha256(), r.crc32(), null);
        return campaigns.plan(who, campaign(r, plan, defaultPlan(r), null), image);
    }

    /** The campaign of the request rolling out firmware {@code firmwareId} by {@code plan}, absent fields from {@code defaults}. */
    private static NewCampaign campaign(RequestRow r, RolloutPlan plan, RolloutPlan defaults, String firmwareId) {
        RolloutPlan given = plan == null ? new RolloutPlan(null, null, null, null, null, null, null, null, null) : plan;
        return new NewCampaign(given.name() != null ? given.name() : defaults.name(), firmwareId, campaignTarget(r),
                given.phases() != null ? given.phases() : defaults.phases(),
                given.successThreshold() != null ? given.successThreshold() : defaults.successThreshold(),
                given.errorThreshold() != null ? given.errorThreshold() : defaults.errorThreshold(),
                given.deviceTimeoutSeconds() != null ? given.deviceTimeoutSeconds() : defaults.deviceTimeoutSeconds(),
                given.maxRetries() != null ? given.maxRetries() : defaults.maxRetries(),
                given.scheduledAt() != null ? given.scheduledAt() : defaults.scheduledAt(),
                given.vendorStrict(), false, endingByLatest(r, given.window() != null ? given.window()
                : defaults.window()), given.forecastToken());
    }

    /**
     * The campaign's window ends by the request's latest end: the plan's window with that end when it has none,
     * refused when it ends later (an earlier end is the operator's to choose).
     */
    private static CampaignWindow endingByLatest(RequestRow r, CampaignWindow window) {
        String latest = r.wishedWindow() == null ? null : window(r.wishedWindow()).latestEnd();
        if (latest == null) {
            return window;
        }
        if (window == null || window.endsAt() == null) {
            return window == null ? new CampaignWindow(null, null, null, null, latest)
                    : new CampaignWindow(window.timeZone(), window.days(), window.from(), window.to(), latest);
        }
        if (instant("window.endsAt", window.endsAt()).isAfter(Instant.parse(latest))) {
            throw new Invalid("invalid_window", "window.endsAt may not be after the request's latest end, " + latest
                    + "; got " + window.endsAt());
        }
        return window;
    }

    /** What an operator checks before deciding; {@code staleDays} says when a device counts as not seen. */
    public RequestReview reviewFacts(Principal who, String id, int staleDays) {
        RequestRow r = find(who, id);
        CampaignTarget given = target(r.target());
        TargetResolver.Resolution resolution = inScope(r.client(), given, r.deviceType(), r.version(), r.id().hashCode());
        Set<String> targeted = new HashSet<>(resolution.targeted());
        // "every device" means every device of the filer's scope; only devices the target names can be refused
        boolean names = given.client() != null || given.groupId() != null || given.imeis() != null;
        TargetResolver.Resolution asGiven = resolver.resolve(new CampaignTarget(given.client(), r.deviceType(),
                given.groupId(), given.imeis(), null, null), probe(r.deviceType(), r.version()), 0, Scope.ALL);
        List<String> outside = !names ? List.of() : asGiven.targeted().stream().filter(i -> !targeted.contains(i))
                .filter(i -> devices.find(i).map(d -> !within(r.client(), d)).orElse(false)).sorted().toList();
        Instant staleBefore = clock.instant().minus(Duration.ofDays(staleDays));
        List<String> notSeen = new ArrayList<>();
        int newer = 0;
        for (String imei : resolution.targeted()) {
            DeviceRow d = devices.find(imei).orElseThrow();
            Instant lastSeen = d.reported().lastSeen();
            if (lastSeen == null || lastSeen.isBefore(staleBefore)) {
                notSeen.add(imei);
            }
            if (d.reported().firmware() != null && FirmwareVersions.compare(d.reported().firmware(), r.version()) > 0) {
                newer++;
            }
        }
        Optional<FirmwareRow> sameVersion = firmware.list().stream()
                .filter(f -> f.deviceType().equals(r.deviceType()) && f.version().equals(r.version())).findFirst();
        List<RequestReview.FirmwareRef> identical = firmware.list().stream().filter(f -> f.sha256().equals(r.sha256()))
                .map(f -> new RequestReview.FirmwareRef(f.id(), f.deviceType(), f.version())).toList();
        return new RequestReview(
                new RequestReview.ImageFacts(r.size(), r.sha256(), r.crc32(), sameVersion.isPresent(),
                        sameVersion.map(f -> f.sha256().equals(r.sha256())).orElse(false), newer, identical),
                new RequestReview.DeviceFacts(resolution.targeted().size(), outside.size(), some(outside),
                        asGiven.unknownImeis(), resolution.otherType(), resolution.alreadyCurrent(),
                        engine.conflicts(resolution.targeted(), null), staleDays, notSeen.size(), some(notSeen.stream().sorted().toList())),
                defaultPlan(r));
    }

    /** The outcome per device of an approved request, in IMEI order. */
    public List<RequestReportLine> report(Principal who, String id) {
        RequestRow r = find(who, id);
        if (r.campaignId() == null) {
            throw new Conflict("invalid_state", "the request is " + r.state().wireName()
                    + "; a report exists once it is approved", r.state().wireName());
        }
        Map<String, CampaignDeviceView> results = new LinkedHashMap<>();
        campaignDevices(who, r.campaignId()).forEach(d -> results.put(d.imei(), d));
        List<RequestReportLine> lines = new ArrayList<>();
        for (Map.Entry<String, String> device : store.devices(r.id())) {
            CampaignDeviceView result = results.get(device.getKey());
            String now = devices.find(device.getKey()).map(d -> d.reported().firmware()).orElse(null);
            lines.add(new RequestReportLine(device.getKey(), device.getValue(), now,
                    result == null ? null : result.state(), result == null ? null : result.resultCode()));
        }
        return lines;
    }

    private RequestView move(Principal actor, String id, RequestTransition transition, String reason) {
        RequestRow seen = find(actor, id);
        boolean imageGone = jdbc.inTransaction(() -> {
            RequestRow r = store.lock(seen.id()).orElseThrow();
            RequestState to = transition.from(r.state());
            Instant now = clock.instant();
            store.setState(r.id(), to, reason, null, now);
            record(r.id(), now, actor, to, RequestNote.written(reason));
            audit.done(actor, "request." + transition.name().toLowerCase(Locale.ROOT), "request/" + r.id(),
                    reason);
            return to.isFinal() && firmware.deleteImageIfUnused(r.sha256());
        });
        if (imageGone) {
            try {
                images.delete(seen.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return get(actor, id);
    }

    /**
     * Records the request's move to {@code state} (with what the server notes of it) in its history and in
     * the event feed, within the surrounding transaction.
     */
    private void record(String id, Instant at, Principal actor, RequestState state, RequestNote note) {
        store.addEvent(id, new RequestStore.EventRow(at, actor.username(), actor.described(), actor.role(), state,
                note.english(), note.code(), note.args() == null ? null : json(note.args())));
        events.appendRequest(id, state.wireName(), note.event());
    }

    /** The request if {@code who} sees it; else not found, as an unknown id. */
    private RequestRow find(Principal who, String id) {
        return (Limits.isId(id) ? store.find(id) : Optional.<RequestRow>empty()).filter(r -> visible(who, r))
                .orElseThrow(() -> new NotFound("no request with id " + Limits.shortened(id)));
    }

    /** Operators see every request; others those filed within their scope: their client's, or of their device types. */
    private static boolean visible(Principal who, RequestRow r) {
        return who.isOperator() || who.scope().admits(r.client(), r.deviceType());
    }

    private static boolean within(String client, DeviceRow d) {
        return client == null || client.equals(d.client());
    }

    /**
     * The devices of {@code target} within the filer's {@code client} (any when null) of the request's
     * type that need its version; none when the target names another client.
     */
    private TargetResolver.Resolution inScope(String client, CampaignTarget target, String deviceType, String version,
                                              long seed) {
        if (client != null && target.client() != null && !client.equals(target.client())) {
            return new TargetResolver.Resolution(0, 0, 0, List.of(), List.of());
        }
        return resolver.resolve(narrowed(client, target, deviceType), probe(deviceType, version), seed, Scope.ALL);
    }

    private static CampaignTarget narrowed(String client, CampaignTarget t, String deviceType) {
        return new CampaignTarget(client != null ? client : t.client(), deviceType, t.groupId(), t.imeis(), t.cap(),
                t.capOrder());
    }

    private static CampaignTarget campaignTarget(RequestRow r) {
        return narrowed(r.client(), target(r.target()), r.deviceType());
    }

    /** The image as the resolver needs it: only its device type and version count. */
    private static FirmwareRow probe(String deviceType, String version) {
        return new FirmwareRow(null, deviceType, version, 0, null, null, null);
    }

    /** The defaults a review starts from: a pilot phase, the campaign defaults, and the requester's window. */
    private RolloutPlan defaultPlan(RequestRow r) {
        WishedWindow wished = r.wishedWindow() == null ? null : window(r.wishedWindow());
        String start = wished == null ? null : wished.earliestStart();
        return new RolloutPlan(Limits.shortened("Request " + r.id().substring(0, 8) + ": " + r.deviceType() + " "
                + r.version()), DEFAULT_PHASES, CampaignService.DEFAULT_SUCCESS, CampaignService.DEFAULT_ERROR,
                CampaignService.DEFAULT_TIMEOUT, CampaignService.DEFAULT_RETRIES,
                start != null && Instant.parse(start).isAfter(clock.instant()) ? start : null,
                wished == null ? null : wished.campaignWindow(), null);
    }

    /**
     * The firmware record the approved image becomes: a new one, or the stored one of the same version
     * when it has the same bytes; a conflict when that version exists with other bytes.
     */
    private FirmwareRow firmwareOf(RequestRow r, Instant now) {
        Optional<FirmwareRow> existing = firmware.list().stream()
                .filter(f -> f.deviceType().equals(r.deviceType()) && f.version().equals(r.version())).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().sha256().equals(r.sha256())) {
                throw new Conflict("duplicate_firmware", "device type " + r.deviceType() + " already has firmware "
                        + r.version() + " with other bytes; reject the request, or delete that firmware first");
            }
            return existing.get();
        }
        FirmwareRow row = new FirmwareRow(UUID.randomUUID().toString(), r.deviceType(), r.version(), r.size(),
                r.sha256(), r.crc32(), now.truncatedTo(ChronoUnit.MICROS));
        catalog.ensureDeviceType(r.deviceType(), null, now);
        firmware.insert(row);
        return row;
    }

    private Map<String, String> oldVersions(Principal actor, String campaignId) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (CampaignDeviceView d : campaignDevices(actor, campaignId)) {
            versions.put(d.imei(), devices.find(d.imei()).map(x -> x.reported().firmware()).orElse(null));
        }
        return versions;
    }

    private List<CampaignDeviceView> campaignDevices(Principal who, String campaignId) {
        List<CampaignDeviceView> all = new ArrayList<>();
        for (int offset = 0; ; offset += Limits.PAGE) {
            Page<CampaignDeviceView> page = campaigns.devices(who, campaignId, null, null, offset, Limits.PAGE);
            all.addAll(page.items());
            if (all.size() >= page.total() || page.items().isEmpty()) {
                return all;
            }
        }
    }

    /** The request as {@code who} sees it: its campaign as their part of it. */
    private RequestView view(Principal who, RequestRow r) {
        List<RequestStep> history = new ArrayList<>();
        List<RequestComment> comments = new ArrayList<>();
        for (RequestStore.EventRow e : store.events(r.id())) {
            if (e.state() != null) {
                history.add(new RequestStep(e.at().toString(), e.actorName(), e.state(), e.text(), e.code(),
                        e.args() == null ? null : List.of(read(e.args(), String[].class))));
            } else {
                comments.add(new RequestComment(e.at().toString(), e.actorName(), e.role(), e.text()));
            }
        }
        RequestCampaign campaign = null;
        if (r.campaignId() != null) {
            CampaignView c = campaigns.get(who, r.campaignId());
            campaign = new RequestCampaign(c.id(), c.state(), c.stateReason(), c.devices(), c.counts(), c.opensAt());
        }
        return new RequestView(r.id(), r.state(), r.requester(), r.client(), r.deviceType(), r.version(),
                r.releaseNotes(), target(r.target()), r.wishedWindow() == null ? null : window(r.wishedWindow()),
                r.contact(), r.fileName(), r.size(), r.sha256(), r.crc32(), r.deviceCount(), r.reason(), r.campaignId(),
                campaign, r.createdAt().toString(), r.updatedAt().toString(), history, comments);
    }

    /** The wished window checked: instants in the schedule's range, the end after the start, the hours a valid window. */
    private static void checkWindow(WishedWindow w) {
        if (w == null) {
            return;
        }
        Instant start = instant("window.earliestStart", w.earliestStart());
        Instant end = instant("window.latestEnd", w.latestEnd());
        if (start != null && end != null && !end.isAfter(start)) {
            throw new Invalid("invalid_window", "window.latestEnd must be after window.earliestStart");
        }
        MaintenanceWindow.of(w.campaignWindow());
    }

    private static Instant instant(String field, String text) {
        return text == null ? null : Limits.instant("invalid_window", field, text);
    }


    /** The file's name without its folders or control characters, at most {@value #CONTACT} characters; else {@code fallback}. */
    private static String fileName(String given, String fallback) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cs}]", "").strip();
        return name.isEmpty() ? fallback : name.substring(0, Math.min(CONTACT, name.length()));
    }

    /** Free text of several lines: line breaks and tabs are allowed, other control characters are not. */
    private static String multiline(String field, String text, int max) {
        Limits.text(field, text == null ? null : text.replaceAll("[\r\n\t]", " "), max);
        return text;
    }

    private static List<String> some(List<String> imeis) {
        return List.copyOf(imeis.subList(0, Math.min(SOME, imeis.size())));
    }

    /** Runs {@code work} in a transaction, again while a concurrent upload of the same bytes holds them. */
    private void retryingContention(Runnable work) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.inTransaction(() -> {
                    work.run();
                    return null;
                });
                return;
            } catch (StoreException e) {
                if (!(e.isDuplicateKey() || e.isTransient()) || attempt == PUT_ATTEMPTS) {
                    throw e;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static String json(Object value) {
        try {
            return StrictJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CampaignTarget target(String json) {
        return read(json, CampaignTarget.class);
    }

    private static WishedWindow window(String json) {
        return read(json, WishedWindow.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return StrictJson.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
