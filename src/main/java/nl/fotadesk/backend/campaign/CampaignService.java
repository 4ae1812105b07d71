package nl.fotadesk.backend.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.Json;
import nl.fotadesk.backend.store.ActionRow;
import nl.fotadesk.backend.store.CampaignRow;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PhaseRow;
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
import java.util.UUID;

/** Creating campaigns (with a preview of what they target) and showing them; the engine runs them. */
public final class CampaignService {
    static final int DEFAULT_SUCCESS = 100;
    static final int DEFAULT_ERROR = 10;
    static final long DEFAULT_TIMEOUT = 3600;
    static final long MIN_TIMEOUT = 10;
    static final int DEFAULT_RETRIES = 1;
    static final int MAX_RETRIES = 10;

    private final Jdbc jdbc;
    private final CampaignStore store;
    private final FirmwareStore firmware;
    private final TargetResolver resolver;
    private final RolloutEngine engine;
    private final EventLog events;
    private final Clock clock;

    public CampaignService(Jdbc jdbc, CampaignStore store, FirmwareStore firmware, TargetResolver resolver,
                           RolloutEngine engine, EventLog events, Clock clock) {
        this.jdbc = jdbc;
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
    public CampaignView create(NewCampaign spec) {
        Checked c = check(spec);
        CampaignPreview preview = preview(c);
        if (preview.targeted() == 0) {
            throw HttpError.badRequest("no_devices", "the target matches no device that needs firmware "
                    + c.image.version() + " (" + preview.matched() + " matched, " + preview.otherType()
                    + " of another type, " + preview.alreadyCurrent() + " run it already)");
        }
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
            return null;
        });
        if (Boolean.TRUE.equals(spec.start())) {
            engine.start(id);
        }
        return get(id);
    }

    public CampaignView get(String id) {
        CampaignRow c = store.find(id).orElseThrow(() -> HttpError.notFound("no campaign with id " + id));
        FirmwareRow image = firmware.find(c.firmwareId()).orElseThrow();
        List<PhaseView> phases = new ArrayList<>();
        int current = -1;
        int devices = 0;
        for (PhaseRow p : store.phases(id)) {
            phases.add(new PhaseView(p.index(), p.deviceCount(), p.state(), wire(store.counts(id, p.index())),
                    text(p.startedAt()), text(p.finishedAt())));
            if (current < 0 && !PhaseRow.DONE.equals(p.state())) {
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
        return new CampaignDeviceView(a.imei(), a.phase(), a.state(), a.attempts(), a.resultCode(), a.progress(),
                text(a.updatedAt()));
    }

    /** A request that passed validation, with the image and the devices it targets. */
    private record Checked(String name, FirmwareRow image, CampaignTarget target, List<PhaseSpec> phases, int success,
                           int error, long timeout, int retries, boolean vendorStrict, Instant scheduledAt,
                           TargetResolver.Resolution resolution) {
    }

    private Checked check(NewCampaign spec) {
        String name = spec.name() == null ? "" : spec.name().trim();
        if (name.isEmpty() || name.length() > 128) {
            throw HttpError.badRequest("invalid_name", "name must be 1 to 128 characters");
        }
        if (spec.firmwareId() == null) {
            throw HttpError.badRequest("missing_firmware_id", "firmwareId is required");
        }
        FirmwareRow image = firmware.find(spec.firmwareId()).orElseThrow(() ->
                HttpError.badRequest("unknown_firmware", "no firmware with id " + spec.firmwareId()));
        CampaignTarget target = spec.target() == null ? new CampaignTarget(null, null, null, null, null, null) : spec.target();
        if (target.cap() != null && target.cap() < 1) {
            throw HttpError.badRequest("invalid_target", "cap must be at least 1");
        }
        if (target.capOrder() != null && !List.of("random", "imei").contains(target.capOrder())) {
            throw HttpError.badRequest("invalid_target", "capOrder must be \"random\" or \"imei\"");
        }
        int success = percent("successThreshold", spec.successThreshold(), DEFAULT_SUCCESS);
        int error = percent("errorThreshold", spec.errorThreshold(), DEFAULT_ERROR);
        long timeout = spec.deviceTimeoutSeconds() == null ? DEFAULT_TIMEOUT : spec.deviceTimeoutSeconds();
        if (timeout < MIN_TIMEOUT) {
            throw HttpError.badRequest("invalid_timeout", "deviceTimeoutSeconds must be at least " + MIN_TIMEOUT);
        }
        int retries = spec.maxRetries() == null ? DEFAULT_RETRIES : spec.maxRetries();
        if (retries < 0 || retries > MAX_RETRIES) {
            throw HttpError.badRequest("invalid_retries", "maxRetries must be from 0 to " + MAX_RETRIES);
        }
        Instant scheduledAt = null;
        if (spec.scheduledAt() != null) {
            try {
                scheduledAt = Instant.parse(spec.scheduledAt());
            } catch (DateTimeParseException e) {
                throw HttpError.badRequest("invalid_schedule", "scheduledAt must be an ISO-8601 time such as "
                        + "2026-12-01T06:00:00Z; got \"" + spec.scheduledAt() + "\"");
            }
        }
        List<PhaseSpec> phases = PhasePlan.validate(spec.phases());
        TargetResolver.Resolution resolution = resolver.resolve(target, image, name.hashCode());
        return new Checked(name, image, target, phases, success, error, timeout, retries,
                Boolean.TRUE.equals(spec.vendorStrict()), scheduledAt, resolution);
    }

    private CampaignPreview preview(Checked c) {
        TargetResolver.Resolution r = c.resolution;
        List<CampaignConflict> conflicts = engine.conflicts(r.targeted(), null);
        return new CampaignPreview(r.matched(), r.otherType(), r.alreadyCurrent(), r.unknownImeis(),
                r.targeted().size(), PhasePlan.sizes(c.phases, r.targeted().size()), conflicts);
    }

    private static int percent(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 0 || v > 100) {
            throw HttpError.badRequest("invalid_threshold", field + " must be a percentage from 0 to 100");
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
            return Json.MAPPER.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CampaignTarget target(String json) {
        try {
            return Json.MAPPER.readValue(json, CampaignTarget.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration timeout(CampaignRow c) {
        return Duration.ofSeconds(c.deviceTimeoutSeconds());
    }
}
