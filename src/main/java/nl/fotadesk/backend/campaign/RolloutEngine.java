package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.campaign.RolloutRules.Budget;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceFacts;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceVerdict;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseCounts;
import nl.fotadesk.backend.campaign.RolloutRules.Thresholds;
import nl.fotadesk.backend.devices.Updates;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.store.ActionRow;
import nl.fotadesk.backend.store.CampaignRow;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CampaignWindowStore;
import nl.fotadesk.backend.store.ClusterLocks;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PhaseRow;
import nl.fotadesk.backend.store.ProgressStore;
import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.backend.store.RetriedTransactions;
import nl.fotadesk.backend.store.StateReason;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignConflict;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs campaigns: starts phases, follows each device's update, times out devices that make no
 * progress, retries failures within the budget, moves to the next phase at the success threshold
 * and pauses the campaign above the error threshold. All state is in the database, so a restarted
 * backend carries on where it stopped, and every change to a campaign locks its row first, so any
 * number of nodes on one database decide once; the clock is injected so tests can step time.
 */
public final class RolloutEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);
    private static final int MAX_LISTED_IMEIS = 5;
    private static final int PAGE = 100_000;

    private final RetriedTransactions transactions;
    private final ClusterLocks locks;
    private final CampaignStore store;
    private final CampaignWindowStore windows;
    private final DeviceStore devices;
    private final FirmwareStore firmware;
    private final Updates updates;
    private final EventLog events;
    /** Operators' actions on campaigns, with who took them. */
    private final AuditTrail audit;
    private final ProgressHistory progress;
    private final Clock clock;

    public RolloutEngine(Jdbc jdbc, CampaignStore store, CampaignWindowStore windows, DeviceStore devices,
                         FirmwareStore firmware, Updates updates, EventLog events, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.windows = windows;
        this.transactions = new RetriedTransactions(jdbc);
        this.locks = new ClusterLocks(jdbc);
        this.store = store;
        this.devices = devices;
        this.firmware = firmware;
        this.updates = updates;
        this.events = events;
        this.progress = new ProgressHistory(new ProgressStore(jdbc), store);
        this.clock = clock;
    }

    /** Starts a draft now, or schedules it when it has a start time in the future. */
    public void start(Principal actor, String id) {
        claimingDevices(id, c -> {
            if (c.state() != CampaignState.DRAFT) {
                throw new Conflict("invalid_state", "only a draft campaign can be started; this one is "
                        + c.state().wireName());
            }
            List<String> imeis = store.actions(id, null, List.of(ActionState.WAITING), 0, PAGE).stream()
                    .map(ActionRow::imei).toList();
            refuseConflicts(conflicts(imeis, id));
            Instant now = clock.instant();
            refuseEnded(c, now, "started");
            audit.done(actor, "campaign.start", "campaign/" + id, c.name());
            if (c.scheduledAt() != null && c.scheduledAt().isAfter(now)) {
                setState(c, CampaignState.SCHEDULED, CampaignReasons.startsAt(c.scheduledAt()), now);
            } else {
                begin(c, now);
            }
            return null;
        });
    }

    public void pause(Principal actor, String id) {
        locked(id, c -> {
            if (c.state() != CampaignState.RUNNING && c.state() != CampaignState.SCHEDULED) {
                throw new Conflict("invalid_state", "only a running or scheduled campaign can be paused; this one is "
                        + c.state().wireName());
            }
            audit.done(actor, "campaign.pause", "campaign/" + id, c.name());
            setState(c, CampaignState.PAUSED, CampaignReasons.pausedBy(actor), clock.instant());
            return null;
        });
    }

    /** Resumes a paused campaign; the phase that paused it no longer pauses it for its errors. */
    public void resume(Principal actor, String id) {
        locked(id, c -> {
            if (c.state() != CampaignState.PAUSED) {
                throw new Conflict("invalid_state", "only a paused campaign can be resumed; this one is "
                        + c.state().wireName());
            }
            Instant now = clock.instant();
            refuseEnded(c, now, "resumed");
            audit.done(actor, "campaign.resume", "campaign/" + id, c.name());
            if (c.startedAt() == null) {
                // paused before it started: back to its schedule, or start now
                if (c.scheduledAt() != null && c.scheduledAt().isAfter(now)) {
                    setState(c, CampaignState.SCHEDULED, CampaignReasons.startsAt(c.scheduledAt()), now);
                } else {
                    begin(c, now);
                }
                return null;
            }
            currentPhase(id).ifPresent(p -> store.ignorePhaseErrors(id, p.index()));
            setState(c, CampaignState.RUNNING, CampaignReasons.resumedBy(actor), now);
            evaluate(c, now);
            return null;
        });
    }

    /** Cancels: devices not yet done stop, and their download URLs answer 410. */
    public void cancel(Principal actor, String id) {
        locked(id, c -> {
            if (c.state() == CampaignState.COMPLETED || c.state() == CampaignState.CANCELLED) {
                throw new Conflict("invalid_state", "the campaign is " + c.state().wireName() + " already");
            }
            Instant now = clock.instant();
            for (ActionRow a : store.actions(id, null, open(), 0, PAGE)) {
                if (a.status().state().isInFlight()) {
                    updates.stop(device(a.imei()), DeviceStatus.CANCELLED, id, a.phase(),
                            UpdateCauses.cancelledWithCampaign());
                }
                store.updateAction(a, a.status().ended(ActionState.CANCELLED, a.status().resultCode(), now));
            }
            audit.done(actor, "campaign.cancel", "campaign/" + id, c.name());
            setState(c, CampaignState.CANCELLED, CampaignReasons.cancelledBy(actor), now);
            return null;
        });
    }

    /** Gives the failed and timed-out devices a new attempt; a completed campaign runs again to follow them. */
    public int retryFailed(Principal actor, String id) {
        return claimingDevices(id, c -> {
            if (c.state() == CampaignState.CANCELLED || c.state() == CampaignState.DRAFT
                    || c.state() == CampaignState.SCHEDULED) {
                throw new Conflict("invalid_state", "a " + c.state().wireName()
                        + " campaign has no failed devices to retry");
            }
            List<ActionRow> failed = store.actions(id, null, List.of(ActionState.FAILED, ActionState.TIMED_OUT), 0, PAGE);
            refuseConflicts(conflicts(failed.stream().map(ActionRow::imei).toList(), id));
            Instant now = clock.instant();
            refuseEnded(c, now, "retried");
            if (!windowOpen(c, now)) {
                throw new Conflict("window_closed", "the campaign's maintenance window is closed; retry the failed"
                        + " devices when it is open");
            }
            FirmwareRow image = image(c);
            audit.done(actor, "campaign.retry", "campaign/" + id, failed.size() + " devices");
            for (ActionRow a : failed) {
                int next = a.status().attempts() + 1;
                give(c, image, a, next, next, now, UpdateCauses.retriedBy(actor));
            }
            if (c.state() == CampaignState.COMPLETED && !failed.isEmpty()) {
                setState(c, CampaignState.RUNNING, CampaignReasons.retrying(failed.size()), now);
            }
            return failed.size();
        });
    }

    /** One step of the engine: start scheduled campaigns, follow devices, and move phases on. */
    public void tick() {
        for (String id : store.idsInStates(CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.PAUSED)) {
            try {
                locked(id, c -> {
                    advance(c, clock.instant());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("Campaign {} could not be advanced; will try again", id, e);
            }
        }
    }

    /** Devices of {@code imeis} that another campaign ({@code except} aside) holds, per campaign. */
    public List<CampaignConflict> conflicts(List<String> imeis, String except) {
        Map<String, CampaignStore.CampaignRef> held = store.held();
        Map<CampaignStore.CampaignRef, List<String>> byCampaign = new LinkedHashMap<>();
        for (String imei : imeis) {
            CampaignStore.CampaignRef ref = held.get(imei);
            if (ref != null && !ref.id().equals(except)) {
                byCampaign.computeIfAbsent(ref, r -> new ArrayList<>()).add(imei);
            }
        }
        List<CampaignConflict> conflicts = new ArrayList<>();
        byCampaign.forEach((ref, list) -> conflicts.add(new CampaignConflict(ref.id(), ref.name(), list.size(),
                list.subList(0, Math.min(MAX_LISTED_IMEIS, list.size())))));
        return conflicts;
    }

    static void refuseConflicts(List<CampaignConflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder("devices are in another campaign: ");
        for (CampaignConflict c : conflicts) {
            detail.append(c.devices()).append(" in \"").append(c.campaignName()).append("\" (").append(c.campaignId())
                    .append("), e.g. ").append(String.join(", ", c.someImeis())).append("; ");
        }
        throw new Conflict("campaign_conflict", detail.substring(0, detail.length() - 2));
    }

    /** One step of one campaign, in the state read under its lock (it may have ended since it was listed). */
    private void advance(CampaignRow c, Instant now) {
        Instant ended = endedAt(c, now);
        switch (c.state()) {
            case SCHEDULED -> {
                if (ended != null) {
                    setState(c, CampaignState.PAUSED, CampaignReasons.windowEnded(ended), now);
                } else if (!c.scheduledAt().isAfter(now)) {
                    begin(c, now);
                }
            }
            case RUNNING -> {
                reconcile(c, now);
                if (ended != null && !RolloutRules.complete(store.counts(c.id(), null))) {
                    // devices given theirs finish while it is paused; the others are not started
                    setState(c, CampaignState.PAUSED, CampaignReasons.windowEnded(ended), now);
                } else {
                    evaluate(c, now);
                }
            }
            case PAUSED -> reconcile(c, now);
            default -> {
                // completed or cancelled meanwhile: nothing to do
            }
        }
    }

    private void begin(CampaignRow c, Instant now) {
        setState(c, CampaignState.RUNNING, CampaignReasons.started(), now);
        startPhase(c, 0, now);
    }

    /** Starts the phase, unless the maintenance window is closed: then a later tick inside it does. */
    private void startPhase(CampaignRow c, int phase, Instant now) {
        if (!windowOpen(c, now)) {
            return;
        }
        store.setPhaseState(c.id(), phase, PhaseState.RUNNING, now);
        events.append(EventLog.PHASE, c.id(), phase, null, PhaseState.RUNNING.wireName(),
                EventCode.PHASE_STARTED.detail("phase " + (phase + 1) + " started", phase + 1));
        FirmwareRow image = image(c);
        for (ActionRow a : store.actions(c.id(), phase, List.of(ActionState.WAITING), 0, PAGE)) {
            give(c, image, a, 1, 1, now, UpdateCauses.givenByCampaign(c.name(), phase));
        }
    }

    /**
     * Gives the device of {@code a} a new download: attempt number {@code attempt} of the device in this
     * campaign, in a round of automatic retries that began with attempt {@code roundFirstAttempt}.
     */
    private void give(CampaignRow c, FirmwareRow image, ActionRow a, int attempt, int roundFirstAttempt, Instant now,
                      EventDetail cause) {
        String downloadId = updates.start(device(a.imei()), image, c.vendorStrict(), c.id(), a.phase(), cause);
        store.updateAction(a, ActionRow.Status.given(downloadId, attempt, roundFirstAttempt, now));
    }

    /** Brings each in-flight action in line with its device, timing out devices without progress. */
    private void reconcile(CampaignRow c, Instant now) {
        FirmwareRow image = null;
        Budget budget = new Budget(CampaignService.timeout(c), c.maxRetries());
        boolean giving = c.state() == CampaignState.RUNNING && windowOpen(c, now);
        for (ActionRow a : store.inFlight(c.id())) {
            ActionRow.Status s = a.status();
            ActionRow.DeviceReport d = a.device();
            if (!Objects.equals(d.downloadId(), s.downloadId())) {
                store.updateAction(a, s.ended(ActionState.CANCELLED, null, now));
                events.append(EventLog.DEVICE, c.id(), a.phase(), a.imei(), ActionState.CANCELLED.wireName(),
                        UpdateCauses.givenAnotherUpdate());
                continue;
            }
            ActionState seen = d.status() == DeviceStatus.IN_SYNC ? ActionState.SUCCEEDED : ActionState.of(d.status());
            boolean moved = seen != s.state() || zeroIfNull(d.progress()) != zeroIfNull(s.progress())
                    || zeroIfNull(d.bytesServed()) != zeroIfNull(s.bytesServed());
            Instant lastProgress = moved || s.lastProgressAt() == null ? now : s.lastProgressAt();
            DeviceVerdict verdict = RolloutRules.decide(new DeviceFacts(seen, moved,
                    Duration.between(lastProgress, now), s.attemptsThisRound()), budget, giving);
            switch (verdict) {
                case UNCHANGED, WAIT_FOR_RUN -> {
                }
                case FOLLOW -> store.updateAction(a, s.following(seen, d, lastProgress, now));
                case RETRY_FAILED, RETRY_STUCK, FAILED, TIMED_OUT -> {
                    if (verdict.stuck()) {
                        updates.stop(device(a.imei()), DeviceStatus.TIMED_OUT, c.id(), a.phase(),
                                UpdateCauses.noProgress(c.deviceTimeoutSeconds()));
                    }
                    if (verdict.retries()) {
                        image = image == null ? image(c) : image;
                        int retry = s.attemptsThisRound();
                        give(c, image, a, s.attempts() + 1, s.roundFirstAttempt(), now, verdict.stuck()
                                ? UpdateCauses.retryAfterNoProgress(retry, c.maxRetries(), c.deviceTimeoutSeconds())
                                : UpdateCauses.retryAfterFailure(retry, c.maxRetries(), d.result()));
                    } else {
                        ActionState end = verdict.stuck() ? ActionState.TIMED_OUT : ActionState.FAILED;
                        // as far as the device got: a device may fail between two ticks, after the last progress followed
                        store.updateAction(a, s.following(seen, d, lastProgress, now).ended(end, d.result(), lastProgress));
                    }
                }
            }
        }
    }

    /** Moves the campaign on: the current phase is done at the success threshold, or pauses the campaign. */
    private void evaluate(CampaignRow c, Instant now) {
        List<PhaseRow> phases = store.phases(c.id());
        for (PhaseRow p : phases) {
            if (p.state() == PhaseState.DONE) {
                continue;
            }
            if (p.state() == PhaseState.WAITING) {
                startPhase(c, p.index(), now);
            }
            PhaseCounts n = PhaseCounts.of(p.deviceCount(), store.counts(c.id(), p.index()));
            switch (RolloutRules.decide(n, p.index() == phases.size() - 1, thresholds(c, p))) {
                case RUNNING -> {
                    return;
                }
                case TOO_MANY_ERRORS -> {
                    setState(c, CampaignState.PAUSED, CampaignReasons.errorThreshold(p.index(), n, c.errorThreshold()),
                            now);
                    return;
                }
                case TOO_FEW_SUCCEEDED -> {
                    setState(c, CampaignState.PAUSED,
                            CampaignReasons.successThreshold(p.index(), n, c.successThreshold()), now);
                    return;
                }
                case DONE -> {
                }
            }
            store.setPhaseState(c.id(), p.index(), PhaseState.DONE, now);
            events.append(EventLog.PHASE, c.id(), p.index(), null, PhaseState.DONE.wireName(),
                    EventCode.PHASE_DONE.detail("phase " + (p.index() + 1) + " done: " + n.succeeded() + " of " + n.total()
                            + " devices updated", p.index() + 1, n.succeeded(), n.total()));
        }
        Map<ActionState, Integer> all = store.counts(c.id(), null);
        if (RolloutRules.complete(all)) {
            PhaseCounts n = PhaseCounts.of(0, all);
            setState(c, CampaignState.COMPLETED, CampaignReasons.completed(n), now);
        }
    }

    /**
     * Whether the campaign may give devices new downloads at {@code now}: outside its maintenance window no
     * phase starts and no device gets a download or a retry; devices already given theirs carry on.
     */
    private boolean windowOpen(CampaignRow c, Instant now) {
        return window(c).map(w -> w.isOpen(now)).orElse(true);
    }

    /** When the campaign's window closed for good, if it has by {@code now}; else null. */
    private Instant endedAt(CampaignRow c, Instant now) {
        return window(c).filter(w -> w.hasEnded(now)).map(MaintenanceWindow::endsAt).orElse(null);
    }

    private java.util.Optional<MaintenanceWindow> window(CampaignRow c) {
        return windows.find(c.id()).flatMap(MaintenanceWindow::of);
    }

    /** A campaign whose window has ended starts nothing more: it can only be cancelled. */
    private void refuseEnded(CampaignRow c, Instant now, String done) {
        Instant ended = endedAt(c, now);
        if (ended != null) {
            throw new Conflict("window_ended", "the campaign's window ended at " + ended + "; it can no longer be "
                    + done + ", only cancelled");
        }
    }

    private static Thresholds thresholds(CampaignRow c, PhaseRow p) {
        return new Thresholds(c.errorThreshold(), c.successThreshold(), p.ignoreErrors());
    }

    private void setState(CampaignRow c, CampaignState state, EventDetail reason, Instant now) {
        boolean ends = state == CampaignState.COMPLETED || state == CampaignState.CANCELLED;
        store.setState(c.id(), state, StateReason.of(reason), state == CampaignState.RUNNING ? now : null,
                ends ? now : null);
        events.append(EventLog.CAMPAIGN, c.id(), null, null, state.wireName(), reason);
    }

    private java.util.Optional<PhaseRow> currentPhase(String id) {
        return store.phases(id).stream().filter(p -> p.state() != PhaseState.DONE).findFirst();
    }

    private static long zeroIfNull(Number n) {
        return n == null ? 0 : n.longValue();
    }

    private static List<ActionState> open() {
        return java.util.Arrays.stream(ActionState.values()).filter(s -> !s.isTerminal()).toList();
    }

    /**
     * Runs {@code change} on campaign {@code id} in one transaction that first locks the campaign's row:
     * operators and the engine, on any node, change a campaign one at a time, each on the state the
     * previous change left. Tried again when the database aborts it for another's sake. The campaign's
     * progress history is sampled after each change, under the same lock.
     */
    private <T> T locked(String id, Function<CampaignRow, T> change) {
        return transactions.run(() -> {
            T result = change.apply(store.lock(id).orElseThrow(() -> new NotFound("no campaign with id " + id)));
            progress.sample(id, clock.instant());
            return result;
        });
    }

    /**
     * Like {@link #locked}, for changes that give devices to the campaign: these also take the cluster's
     * device-claims lock (always before a campaign's, so locks are taken in one order), so two campaigns
     * started at once cannot both take a device.
     */
    private <T> T claimingDevices(String id, Function<CampaignRow, T> change) {
        return transactions.run(() -> {
            locks.lockUntilCommit(ClusterLocks.DEVICE_CLAIMS);
            return locked(id, change);
        });
    }

    private FirmwareRow image(CampaignRow c) {
        return firmware.find(c.firmwareId()).orElseThrow();
    }

    private DeviceRow device(String imei) {
        return devices.find(imei).orElseThrow();
    }
}
