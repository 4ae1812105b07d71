package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.store.ActionRow;
import nl.fotadesk.backend.store.CampaignRow;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PhaseRow;
import nl.fotadesk.backend.store.PhaseState;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.ProtocolException;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignConflict;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.PhaseView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creating campaigns (with a preview of what they target) and showing them; the engine runs them. */
public final class CampaignService {
    static final int DEFAULT_SUCCESS = 100;
    static final int DEFAULT_ERROR = 10;
    static final long DEFAULT_TIMEOUT = 3600;
    static final int DEFAULT_RETRIES = 1;

    private final Jdbc jdbc;
    private final CampaignStore store;
    private final FirmwareStore firmware;
    private final TargetResolver resolver;
    private final RolloutEngine engine;
    private final EventLog events;
    private final AuditTrail audit;
    private final Clock clock;

    public CampaignService(Jdbc jdbc, CampaignStore store, FirmwareStore firmware, TargetResolver resolver,
                           RolloutEngine engine, EventLog events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
        this.firmware = firmware;
        this.resolver = resolver;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** What {@code spec} would target, without creating anything. */
    public CampaignPreview preview(NewCampaign spec) {
        Checked c = check(spec);
        return preview(c);
    }

    /** Creates a draft (refused while another campaign holds any of its devices); starts it when asked. */
    public CampaignView create(Principal actor, NewCampaign spec) {
        Checked c = check(spec);
        CampaignPreview preview = preview(c);
        requireDevices(c, preview);
        RolloutEngine.refuseConflicts(preview.conflicts());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.inTransaction(() -> {
            store.insert(new CampaignRow(id, c.name, c.image.id(), CampaignState.DRAFT, json(c.target),
                    c.success, c.error, c.timeout, c.retries, c.vendorStrict, c.scheduledAt, null, now, null, null));
            List<String> targeted = c.resolution.targeted();
            int position = 0;
            for (int phase = 0; phase < preview.phaseSizes().size(); phase++) {
                store.insertPhase(id, phase, preview.phaseSizes().get(phase));
                for (int i = 0; i < preview.phaseSizes().get(phase); i++, position++) {
                    store.insertAction(id, targeted.get(position), phase, position, now);
                }
            }
            events.append(EventLog.CAMPAIGN, id, null, null, CampaignState.DRAFT.wireName(),
                    "created for " + targeted.size() + " devices in " + preview.phaseSizes().size() + " phases");
            audit.done(actor, "campaign.create", "campaign/" + id, c.name + ", " + targeted.size() + " devices");
            return null;
        });
        if (Boolean.TRUE.equals(spec.start())) {
            engine.start(actor, id);
        }
        return get(id);
    }

    /** The plan a rehearsal runs for {@code spec}, checked as {@link #create} checks it; nothing is stored. */
    public CampaignPlan plan(NewCampaign spec) {
        Checked c = check(spec);
        CampaignPreview preview = preview(c);
        requireDevices(c, preview);
        return new CampaignPlan(null, c.name, c.image, c.resolution.targeted(), preview.phaseSizes(), c.success,
                c.error, Duration.ofSeconds(c.timeout), c.retries);
    }

    /** The plan of a draft or scheduled campaign: its devices as its phases hold them. */
    public CampaignPlan plan(String id) {
        CampaignView view = get(id);
        if (view.state() != CampaignState.DRAFT && view.state() != CampaignState.SCHEDULED) {
            throw new Conflict("invalid_state", "only a draft or scheduled campaign can be rehearsed; this one is "
                    + view.state().wireName());
        }
        CampaignRow c = store.find(id).orElseThrow();
        List<String> imeis = store.actions(id, null, null, 0, view.devices()).stream().map(ActionRow::imei).toList();
        return new CampaignPlan(id, c.name(), firmware.find(c.firmwareId()).orElseThrow(), imeis,
                view.phases().stream().map(PhaseView::devices).toList(), c.successThreshold(), c.errorThreshold(),
                timeout(c), c.maxRetries());
    }

    private static void requireDevices(Checked c, CampaignPreview preview) {
        if (preview.targeted() == 0) {
            throw new Invalid("no_devices", "the target matches no device that needs firmware "
                    + c.image.version() + " (" + preview.matched() + " matched, " + preview.otherType()
                    + " of another type, " + preview.alreadyCurrent() + " run it already)");
        }
    }

    public CampaignView get(String id) {
        CampaignRow c = (Limits.isId(id) ? store.find(id) : Optional.<CampaignRow>empty())
                .orElseThrow(() -> new NotFound("no campaign with id " + Limits.shortened(id)));
        FirmwareRow image = firmware.find(c.firmwareId()).orElseThrow();
        List<PhaseView> phases = new ArrayList<>();
        int current = -1;
        int devices = 0;
        for (PhaseRow p : store.phases(id)) {
            phases.add(new PhaseView(p.index(), p.deviceCount(), p.state().wireName(), wire(store.counts(id, p.index())),
                    text(p.startedAt()), text(p.finishedAt())));
            if (current < 0 && p.state() != PhaseState.DONE) {
                current = p.index();
            }
            devices += p.deviceCount();
        }
        return new CampaignView(c.id(), c.name(), image.id(), image.version(), image.deviceType(), c.state(),
                c.stateReason(), target(c.target()), c.successThreshold(), c.errorThreshold(), c.deviceTimeoutSeconds(),
                c.maxRetries(), c.vendorStrict(), text(c.scheduledAt()), text(c.createdAt()), text(c.startedAt()),
                text(c.finishedAt()), devices, wire(store.counts(id, null)), current, phases);
    }

    public List<CampaignView> list() {
        return store.list().stream().map(c -> get(c.id())).toList();
    }

    public Page<CampaignDeviceView> devices(String id, Integer phase, List<ActionState> states, int offset, int limit) {
        get(id);
        List<CampaignDeviceView> items = store.actions(id, phase, states, offset, limit).stream()
                .map(CampaignService::deviceView).toList();
        long total = states == null || states.isEmpty()
                ? store.counts(id, phase).values().stream().mapToLong(Integer::longValue).sum()
                : store.counts(id, phase).entrySet().stream().filter(e -> states.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new Page<>(items, total, offset, limit);
    }

    private static CampaignDeviceView deviceView(ActionRow a) {
        ActionRow.Status s = a.status();
        return new CampaignDeviceView(a.imei(), a.phase(), s.state(), s.attempts(), s.resultCode(), s.progress(),
                text(s.updatedAt()));
    }

    /** A request that passed validation, with the image and the devices it targets. */
    private record Checked(String name, FirmwareRow image, CampaignTarget target, List<PhaseSpec> phases, int success,
                           int error, long timeout, int retries, boolean vendorStrict, Instant scheduledAt,
                           TargetResolver.Resolution resolution) {
    }

    private Checked check(NewCampaign spec) {
        String name = spec.name() == null ? "" : spec.name().trim();
        Limits.text("name", name, Limits.CAMPAIGN_NAME);
        if (spec.firmwareId() == null) {
            throw new Invalid("missing_firmware_id", "firmwareId is required");
        }
        FirmwareRow image = (Limits.isId(spec.firmwareId()) ? firmware.find(spec.firmwareId()) : Optional.<FirmwareRow>empty())
                .orElseThrow(() -> new Invalid("unknown_firmware", "no firmware with id "
                        + Limits.shortened(spec.firmwareId())));
        CampaignTarget target = target(spec.target());
        int success = percent("successThreshold", spec.successThreshold(), DEFAULT_SUCCESS);
        int error = percent("errorThreshold", spec.errorThreshold(), DEFAULT_ERROR);
        long timeout = spec.deviceTimeoutSeconds() == null ? DEFAULT_TIMEOUT : spec.deviceTimeoutSeconds();
        if (timeout < Limits.TIMEOUT_MIN_SECONDS || timeout > Limits.TIMEOUT_MAX_SECONDS) {
            throw new Invalid("invalid_timeout", "deviceTimeoutSeconds must be at least " + Limits.TIMEOUT_MIN_SECONDS
                    + " and at most " + Limits.TIMEOUT_MAX_SECONDS + " ("
                    + Duration.ofSeconds(Limits.TIMEOUT_MAX_SECONDS).toDays() + " days); got " + timeout);
        }
        int retries = spec.maxRetries() == null ? DEFAULT_RETRIES : spec.maxRetries();
        if (retries < 0 || retries > Limits.RETRIES_MAX) {
            throw new Invalid("invalid_retries", "maxRetries must be from 0 to " + Limits.RETRIES_MAX
                    + "; got " + retries);
        }
        Instant scheduledAt = spec.scheduledAt() == null ? null : schedule(spec.scheduledAt());
        List<PhaseSpec> phases = PhasePlan.validate(spec.phases());
        if (target.groupId() != null && !Limits.isId(target.groupId())) {
            throw new Invalid("unknown_group", "no group with id " + Limits.shortened(target.groupId()));
        }
        TargetResolver.Resolution resolution = resolver.resolve(target, image, name.hashCode());
        return new Checked(name, image, target, phases, success, error, timeout, retries,
                Boolean.TRUE.equals(spec.vendorStrict()), scheduledAt, resolution);
    }

    /** The target as given (every device when absent), its names and IMEIs checked like everywhere else. */
    private static CampaignTarget target(CampaignTarget given) {
        CampaignTarget target = given == null ? new CampaignTarget(null, null, null, null, null, null) : given;
        if (target.client() != null) {
            Names.name("target.client", target.client());
        }
        if (target.deviceType() != null) {
            Names.name("target.deviceType", target.deviceType());
        }
        if (target.imeis() != null) {
            if (target.imeis().size() > Limits.IMEI_LIST) {
                throw new Invalid("invalid_target", "target.imeis holds at most " + Limits.IMEI_LIST + " IMEIs");
            }
            for (int i = 0; i < target.imeis().size(); i++) {
                try {
                    Imei.requireValid(target.imeis().get(i));
                } catch (ProtocolException e) {
                    throw new Invalid("invalid_imei", "target.imeis[" + i + "]: " + e.getMessage());
                }
            }
        }
        if (target.cap() != null && target.cap() < 1) {
            throw new Invalid("invalid_target", "cap must be at least 1");
        }
        if (target.capOrder() != null && !List.of("random", "imei").contains(target.capOrder())) {
            throw new Invalid("invalid_target", "capOrder must be \"random\" or \"imei\"");
        }
        return target;
    }

    /** An instant from {@link Limits#SCHEDULE_EARLIEST} to {@link Limits#SCHEDULE_LATEST}. */
    private static Instant schedule(String text) {
        try {
            Instant at = Instant.parse(text);
            if (!at.isBefore(Limits.SCHEDULE_EARLIEST) && !at.isAfter(Limits.SCHEDULE_LATEST)) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new Invalid("invalid_schedule", "scheduledAt must be an ISO-8601 instant such as "
                + "2026-12-01T06:00:00Z, from " + Limits.SCHEDULE_EARLIEST + " to " + Limits.SCHEDULE_LATEST
                + "; got " + Limits.quoted(text));
    }

    private CampaignPreview preview(Checked c) {
        TargetResolver.Resolution r = c.resolution;
        List<CampaignConflict> conflicts = engine.conflicts(r.targeted(), null);
        return new CampaignPreview(r.matched(), r.otherType(), r.alreadyCurrent(), r.unknownImeis(),
                r.targeted().size(), PhasePlan.sizes(c.phases, r.targeted().size()), conflicts);
    }

    private static int percent(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < Limits.PERCENT_MIN || v > Limits.PERCENT_MAX) {
            throw new Invalid("invalid_threshold", field + " must be a percentage from " + Limits.PERCENT_MIN
                    + " to " + Limits.PERCENT_MAX + "; got " + v);
        }
        return v;
    }

    static Map<String, Integer> wire(Map<ActionState, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.wireName(), v));
        return out;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String json(CampaignTarget t) {
        try {
            return StrictJson.MAPPER.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CampaignTarget target(String json) {
        try {
            return StrictJson.MAPPER.readValue(json, CampaignTarget.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The campaign's device timeout, within the limits even for a row stored before they were checked. */
    static Duration timeout(CampaignRow c) {
        return Duration.ofSeconds(Math.max(Limits.TIMEOUT_MIN_SECONDS,
                Math.min(Limits.TIMEOUT_MAX_SECONDS, c.deviceTimeoutSeconds())));
    }
}
