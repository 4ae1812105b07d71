package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.store.StateReason;
import nl.fotadesk.backend.store.ActionRow;
import nl.fotadesk.backend.store.CampaignRow;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.CampaignWindowStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PhaseRow;
import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.protocol.EventCode;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creating campaigns (with a preview of what they target) and showing them; the engine runs them.
 * A scoped user (a customer, a supplier, a scoped viewer) works within their devices: a campaign's
 * target is cut to them, a campaign without any of them does not exist for them, one that holds others'
 * devices too is shown as their part only (its devices, counts and phases), and only a campaign wholly
 * within their scope is theirs to steer.
 */
public final class CampaignService {
    public static final int DEFAULT_SUCCESS = 100;
    public static final int DEFAULT_ERROR = 10;
    public static final long DEFAULT_TIMEOUT = 3600;
    public static final int DEFAULT_RETRIES = 1;

    private final Jdbc jdbc;
    private final CampaignStore store;
    private final CampaignWindowStore windows;
    private final FirmwareStore firmware;
    private final TargetResolver resolver;
    private final RolloutEngine engine;
    private final EventLog events;
    private final AuditTrail audit;
    private final KeptForecasts forecasts;
    private final Clock clock;

    public CampaignService(Jdbc jdbc, CampaignStore store, CampaignWindowStore windows, FirmwareStore firmware,
                           TargetResolver resolver, RolloutEngine engine, EventLog events, AuditTrail audit,
                           KeptForecasts forecasts, Clock clock) {
        this.jdbc = jdbc;
        this.forecasts = forecasts;
        this.windows = windows;
        this.audit = audit;
        this.store = store;
        this.firmware = firmware;
        this.resolver = resolver;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What {@code spec} would target within {@code who}'s scope, without creating anything, with the
     * targeted devices from {@code offset}, {@code limit} of them.
     */
    public CampaignPreview preview(Principal who, NewCampaign spec, int offset, int limit) {
        Checked c = check(who.scope(), spec);
        List<String> targeted = c.resolution.targeted();
        List<String> page = targeted.subList(Math.min(offset, targeted.size()),
                (int) Math.min((long) offset + limit, targeted.size()));
        CampaignPreview p = preview(c);
        return new CampaignPreview(p.matched(), p.otherType(), p.alreadyCurrent(), p.unknownImeis(), p.targeted(),
                p.phaseSizes(), p.conflicts(), resolver.describe(page));
    }

    /**
     * Creates a draft (refused while another campaign holds any of its devices), with the forecast of its
     * rehearsal when {@code spec} has its token; starts it when asked. A scoped actor listing an IMEI outside
     * their scope is told it is not found, as for an unknown one.
     */
    public CampaignView create(Principal actor, NewCampaign spec) {
        Checked c = check(actor.scope(), spec);
        if (!actor.scope().isAll() && !c.resolution.unknownImeis().isEmpty()) {
            throw new NotFound("no device with IMEI " + c.resolution.unknownImeis().get(0));
        }
        CampaignPreview preview = preview(c);
        requireDevices(c, preview);
        RolloutEngine.refuseConflicts(preview.conflicts());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.inTransaction(() -> {
            store.insert(new CampaignRow(id, c.name, c.image.id(), CampaignState.DRAFT, json(c.target),
                    c.success, c.error, c.timeout, c.retries, c.vendorStrict, c.scheduledAt, null, now, null, null));
            c.window.ifPresent(w -> windows.insert(id, w.spec()));
            List<String> targeted = c.resolution.targeted();
            int position = 0;
            for (int phase = 0; phase < preview.phaseSizes().size(); phase++) {
                store.insertPhase(id, phase, preview.phaseSizes().get(phase));
                for (int i = 0; i < preview.phaseSizes().get(phase); i++, position++) {
                    store.insertAction(id, targeted.get(position), phase, position, now);
                }
            }
            if (spec.forecastToken() != null) {
                forecasts.keep(id, plan(id, c, preview), spec.forecastToken(), now);
            }
            int phases = preview.phaseSizes().size();
            events.append(EventLog.CAMPAIGN, id, null, null, CampaignState.DRAFT.wireName(),
                    EventCode.CAMPAIGN_CREATED.detail("created for " + targeted.size() + " devices in " + phases
                            + " phases", targeted.size(), phases));
            audit.done(actor, "campaign.create", "campaign/" + id, c.name + ", " + targeted.size() + " devices");
            return null;
        });
        if (Boolean.TRUE.equals(spec.start())) {
            engine.start(actor, id);
        }
        return get(actor, id);
    }

    /** The campaign as {@code who} sees it: whole, or their devices' part. */
    public CampaignView get(Principal who, String id) {
        return view(visible(who.scope(), id), who);
    }

    /** The campaigns that hold devices in {@code who}'s scope, newest first, each as they see it. */
    public List<CampaignView> list(Principal who) {
        return store.list(who.scope().narrow(DeviceFilter.ALL)).stream().map(c -> view(c, who)).toList();
    }

    /** The campaign's devices in {@code who}'s scope, optionally of one phase and/or in some states. */
    public Page<CampaignDeviceView> devices(Principal who, String id, Integer phase, List<ActionState> states,
                                            int offset, int limit) {
        visible(who.scope(), id);
        DeviceFilter within = who.scope().narrow(DeviceFilter.ALL);
        List<CampaignDeviceView> items = store.actions(id, phase, states, within, offset, limit).stream()
                .map(CampaignService::deviceView).toList();
        long total = store.counts(id, phase, within).entrySet().stream()
                .filter(e -> states == null || states.isEmpty() || states.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new Page<>(items, total, offset, limit);
    }

    /**
     * The id of a campaign {@code who} may steer ({@code act}: "pause", ...): one that holds devices outside
     * their scope is an operator's to steer, since its thresholds and phases count those devices too.
     */
    public String steerable(Principal who, String id, String act) {
        CampaignRow c = visible(who.scope(), id);
        if (!who.scope().isAll() && !whole(c, who.scope())) {
            throw new Forbidden("this campaign also updates devices outside your scope; only an operator may "
                    + act + " it");
        }
        return c.id();
    }

    /**
     * Whether {@code who} sees every device of the campaign (not found when they see none): only then
     * are its counts, such as its progress history, theirs to see.
     */
    public boolean seesWhole(Principal who, String id) {
        return whole(visible(who.scope(), id), who.scope());
    }

    /** The campaign, if it holds a device in {@code scope}; else not found, exactly as an unknown id. */
    private CampaignRow visible(Scope scope, String id) {
        return (Limits.isId(id) ? store.find(id, scope.narrow(DeviceFilter.ALL)) : Optional.<CampaignRow>empty())
                .orElseThrow(() -> new NotFound("no campaign with id " + Limits.shortened(id)));
    }

    /** The plan a rehearsal runs for {@code spec}, checked as {@link #create} checks it; nothing is stored. */
    public CampaignPlan plan(Principal who, NewCampaign spec) {
        return plan(check(who.scope(), spec));
    }

    /**
     * The plan of {@code spec} rolling out {@code image}, an image not stored as firmware yet (an update
     * request's): {@code spec}'s firmware id is not looked at.
     */
    public CampaignPlan plan(Principal who, NewCampaign spec, FirmwareRow image) {
        return plan(check(who.scope(), spec, image));
    }

    private CampaignPlan plan(Checked c) {
        CampaignPreview preview = preview(c);
        requireDevices(c, preview);
        return plan(null, c, preview);
    }

    private static CampaignPlan plan(String id, Checked c, CampaignPreview preview) {
        return new CampaignPlan(id, c.name, c.image, c.resolution.targeted(), preview.phaseSizes(), c.success,
                c.error, Duration.ofSeconds(c.timeout), c.retries, c.window, c.scheduledAt);
    }

    /** The plan of a draft or scheduled campaign: its devices as its phases hold them. */
    public CampaignPlan plan(Principal who, String id) {
        CampaignView view = get(who, id);
        if (view.state() != CampaignState.DRAFT && view.state() != CampaignState.SCHEDULED) {
            throw new Conflict("invalid_state", "only a draft or scheduled campaign can be rehearsed; this one is "
                    + view.state().wireName());
        }
        CampaignRow c = visible(who.scope(), id);
        List<String> imeis = store.actions(id, null, null, who.scope().narrow(DeviceFilter.ALL), 0, view.devices()).stream().map(ActionRow::imei).toList();
        return new CampaignPlan(id, c.name(), firmware.find(c.firmwareId()).orElseThrow(), imeis,
                view.phases().stream().map(PhaseView::devices).toList(), c.successThreshold(), c.errorThreshold(),
                timeout(c), c.maxRetries(), windows.find(id).flatMap(MaintenanceWindow::of), c.scheduledAt());
    }

    private static void requireDevices(Checked c, CampaignPreview preview) {
        if (preview.targeted() == 0) {
            throw new Invalid("no_devices", "the target matches no device that needs firmware "
                    + c.image.version() + " (" + preview.matched() + " matched, " + preview.otherType()
                    + " of another type, " + preview.alreadyCurrent() + " run it already)");
        }
    }


    /** Whether every device of the campaign is in {@code scope}, as {@link #whole(Scope, Map, List)} tells. */
    private boolean whole(CampaignRow c, Scope scope) {
        return scope.isAll() || whole(scope, store.counts(c.id(), null, scope.narrow(DeviceFilter.ALL)),
                store.phases(c.id()));
    }

    /**
     * The one rule for whether {@code scope} holds every device of a campaign, and so may steer it (the view's
     * {@code changeable}, {@link #steerable}) and see its counts ({@link #seesWhole}): its devices in the scope
     * ({@code inScope}, per state) are all that its phases hold.
     */
    private static boolean whole(Scope scope, Map<ActionState, Integer> inScope, List<PhaseRow> phases) {
        return scope.isAll() || total(inScope) == phases.stream().mapToInt(PhaseRow::deviceCount).sum();
    }

    private CampaignView view(CampaignRow c, Principal who) {
        Scope scope = who.scope();
        String id = c.id();
        DeviceFilter within = scope.narrow(DeviceFilter.ALL);
        FirmwareRow image = firmware.find(c.firmwareId()).orElseThrow();
        List<PhaseView> phases = new ArrayList<>();
        int current = -1;
        int devices = 0;
        List<PhaseRow> phaseRows = store.phases(id);
        for (PhaseRow p : phaseRows) {
            Map<ActionState, Integer> counts = store.counts(id, p.index(), within);
            int size = scope.isAll() ? p.deviceCount() : total(counts);
            phases.add(new PhaseView(p.index(), size, p.state(), wire(counts), text(p.startedAt()),
                    text(p.finishedAt())));
            if (current < 0 && p.state() != PhaseState.DONE) {
                current = p.index();
            }
            devices += size;
        }
        Optional<MaintenanceWindow> window = windows.find(id).flatMap(MaintenanceWindow::of);
        CampaignTarget target = target(c.target());
        Map<ActionState, Integer> counts = store.counts(id, null, within);
        boolean whole = whole(scope, counts, phaseRows);
        StateReason reason = whole ? c.stateReason() : CampaignReasons.forPart(c.state(), c.stateReason(), counts, current);
        return new CampaignView(id, c.name(), image.id(), image.version(), image.deviceType(), c.state(),
                reason == null ? null : reason.english(),
                whole ? target : part(target, id, within), c.successThreshold(), c.errorThreshold(),
                c.deviceTimeoutSeconds(), c.maxRetries(), c.vendorStrict(), text(c.scheduledAt()), text(c.createdAt()),
                text(c.startedAt()), text(c.finishedAt()), devices, wire(counts), current, phases,
                window.map(MaintenanceWindow::spec).orElse(null), window.map(w -> opensAt(c, w)).orElse(null),
                who.role().mayChange() && whole, reason == null ? null : reason.code(),
                reason == null ? null : reason.args());
    }

    /** When the window next opens for a campaign that has yet to finish; null while it is open, or once it has ended. */
    private String opensAt(CampaignRow c, MaintenanceWindow window) {
        if (c.state() == CampaignState.COMPLETED || c.state() == CampaignState.CANCELLED) {
            return null;
        }
        Instant now = clock.instant();
        Instant from = c.state() == CampaignState.SCHEDULED && c.scheduledAt().isAfter(now) ? c.scheduledAt() : now;
        Instant opens = window.opensAt(from);
        return opens == null || opens.equals(now) ? null : opens.toString();
    }

    /** The target with only the listed IMEIs of the campaign's devices {@code within} admits. */
    private CampaignTarget part(CampaignTarget target, String id, DeviceFilter within) {
        if (target.imeis() == null) {
            return target;
        }
        Set<String> own = new HashSet<>();
        store.actions(id, null, null, within, 0, Integer.MAX_VALUE).forEach(a -> own.add(a.imei()));
        return new CampaignTarget(target.client(), target.deviceType(), target.groupId(),
                target.imeis().stream().filter(own::contains).toList(), target.cap(), target.capOrder());
    }

    private static int total(Map<ActionState, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static CampaignDeviceView deviceView(ActionRow a) {
        ActionRow.Status s = a.status();
        return new CampaignDeviceView(a.imei(), a.phase(), s.state(), s.attempts(), s.resultCode(), s.progress(),
                text(s.updatedAt()));
    }

    /** A request that passed validation, with the image and the devices it targets. */
    private record Checked(String name, FirmwareRow image, CampaignTarget target, List<PhaseSpec> phases, int success,
                           int error, long timeout, int retries, boolean vendorStrict, Instant scheduledAt,
                           Optional<MaintenanceWindow> window, TargetResolver.Resolution resolution) {
    }

    private Checked check(Scope scope, NewCampaign spec) {
        Limits.text("name", spec.name() == null ? "" : spec.name().trim(), Limits.CAMPAIGN_NAME);
        if (spec.firmwareId() == null) {
            throw new Invalid("missing_firmware_id", "firmwareId is required");
        }
        // a supplier's campaign rolls out firmware of their types; another image is unknown to them
        FirmwareRow image = (Limits.isId(spec.firmwareId()) ? firmware.find(spec.firmwareId()) : Optional.<FirmwareRow>empty())
                .filter(f -> scope.admitsDeviceType(f.deviceType()))
                .orElseThrow(() -> new Invalid("unknown_firmware", "no firmware with id "
                        + Limits.shortened(spec.firmwareId())));
        return check(scope, spec, image);
    }

    private Checked check(Scope scope, NewCampaign spec, FirmwareRow image) {
        String name = spec.name() == null ? "" : spec.name().trim();
        Limits.text("name", name, Limits.CAMPAIGN_NAME);
        CampaignTarget target = target(spec.target());
        refuseOutside(target, scope);
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
        Instant scheduledAt = spec.scheduledAt() == null ? null
                : Limits.instant("invalid_schedule", "scheduledAt", spec.scheduledAt());
        List<PhaseSpec> phases = PhasePlan.validate(spec.phases());
        if (target.groupId() != null && !Limits.isId(target.groupId())) {
            throw new Invalid("unknown_group", "no group with id " + Limits.shortened(target.groupId()));
        }
        Optional<MaintenanceWindow> window = MaintenanceWindow.of(spec.window());
        Instant endsAt = window.map(MaintenanceWindow::endsAt).orElse(null);
        if (endsAt != null && !endsAt.isAfter(scheduledAt != null ? scheduledAt : clock.instant())) {
            throw new Invalid("invalid_window", "window.endsAt must be after " + (scheduledAt != null ? "scheduledAt"
                    : "now") + "; got " + endsAt);
        }
        TargetResolver.Resolution resolution = resolver.resolve(target, image, name.hashCode(), scope);
        return new Checked(name, image, target, phases, success, error, timeout, retries,
                Boolean.TRUE.equals(spec.vendorStrict()), scheduledAt, window, resolution);
    }

    /** The target as given (every device when absent), its names and IMEIs checked like everywhere else. */
    public static CampaignTarget target(CampaignTarget given) {
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

    /** A target's client or device type outside {@code scope} is refused: the scope cuts every target to it. */
    private static void refuseOutside(CampaignTarget target, Scope scope) {
        scope.requireClient("invalid_target", "target.client", target.client(), Scope.YOURS);
        scope.requireDeviceType("invalid_target", "target.deviceType", target.deviceType(), Scope.YOURS);
    }

    /** An instant from {@link Limits#SCHEDULE_EARLIEST} to {@link Limits#SCHEDULE_LATEST}. */

    private CampaignPreview preview(Checked c) {
        TargetResolver.Resolution r = c.resolution;
        List<CampaignConflict> conflicts = engine.conflicts(r.targeted(), null);
        return new CampaignPreview(r.matched(), r.otherType(), r.alreadyCurrent(), r.unknownImeis(),
                r.targeted().size(), PhasePlan.sizes(c.phases, r.targeted().size()), conflicts, List.of());
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
