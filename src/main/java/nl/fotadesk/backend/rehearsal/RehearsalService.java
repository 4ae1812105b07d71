package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.accounts.Principal;
import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.campaign.CampaignPlan;
import nl.fotadesk.backend.campaign.CampaignService;
import nl.fotadesk.backend.campaign.KeptForecasts;
import nl.fotadesk.backend.domain.Busy;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.requests.RequestService;
import nl.fotadesk.backend.store.RehearsalStore;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.ForecastVsActual;
import nl.fotadesk.protocol.api.RehearsalRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Rehearses campaigns before they run: checks the request as a campaign is checked (or an update request's
 * campaign as approving it would), builds the twin of its devices from what the database knows (type,
 * firmware, check-in interval, and the failure chances learned from past campaigns), runs it
 * ({@link Rehearsal}) and keeps the forecast of a draft with it; the forecast of a campaign not created yet
 * carries the token that keeps it with the campaign once created ({@link KeptForecasts}).
 * One rehearsal at a time per node, within {@link #MAX_DEVICES} devices and a deadline.
 */
public final class RehearsalService {
    public static final int MAX_DEVICES = 100_000;
    public static final int DEFAULT_RUNS = 7;
    public static final int MAX_RUNS = 25;
    static final int MIN_PART_SIZE = 16;
    static final int MAX_PART_SIZE = 1024 * 1024;
    /** Runs stop (with the ones done counted) once a rehearsal has taken this long. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final double MAX_SECONDS = 3600;

    private final CampaignService campaigns;
    private final RequestService requests;
    private final RehearsalStore store;
    private final KeptForecasts kept;
    private final Duration tick;
    private final Clock clock;
    private final Semaphore oneAtATime = new Semaphore(1);

    /** @param tick the engine's tick, whose granularity the rehearsal keeps */
    public RehearsalService(CampaignService campaigns, RequestService requests, RehearsalStore store,
                            KeptForecasts kept, Duration tick, Clock clock) {
        this.campaigns = campaigns;
        this.requests = requests;
        this.store = store;
        this.kept = kept;
        this.tick = tick;
        this.clock = clock;
    }

    public Forecast rehearse(Principal who, RehearsalRequest request) {
        Rehearsal.Options options = options(request);
        if (Stream.of(request.campaign(), request.campaignId(), request.requestId()).filter(Objects::nonNull).count() != 1) {
            throw new Invalid("invalid_rehearsal", "give one of campaign (a campaign to create), campaignId (a draft)"
                    + " and requestId (an update request)");
        }
        if (request.plan() != null && request.requestId() == null) {
            throw new Invalid("invalid_rehearsal", "plan is the plan to approve an update request with; give it with"
                    + " requestId");
        }
        if (!oneAtATime.tryAcquire()) {
            throw new Busy("a rehearsal is running on this server; try again when it is done");
        }
        try {
            CampaignPlan plan = request.campaign() != null ? campaigns.plan(who, request.campaign())
                    : request.campaignId() != null ? campaigns.plan(who, request.campaignId())
                    : requests.plan(who, request.requestId(), request.plan());
            requireWithinBound(plan.imeis().size());
            Map<String, RehearsalStore.TwinRow> known = store.twins();
            List<RehearsalStore.TwinRow> devices = new ArrayList<>(plan.imeis().size());
            RehearsalStore.TwinRow unseen = new RehearsalStore.TwinRow(plan.image().deviceType(), null, null);
            for (String imei : plan.imeis()) {
                devices.add(known.getOrDefault(imei, unseen)); // deleted since it was targeted: a device as any
            }
            long until = System.nanoTime() + DEADLINE.toNanos();
            Forecast forecast = Rehearsal.forecast(plan, devices, new FailureChances.Learned(store.outcomes()), options,
                    () -> System.nanoTime() < until);
            if (plan.campaignId() != null) {
                store.saveForecast(plan.campaignId(), json(forecast), clock.instant());
                return forecast;
            }
            return forecast.withForecastToken(kept.token(plan, json(forecast)));
        } finally {
            oneAtATime.release();
        }
    }

    /** A twin of at most {@link #MAX_DEVICES} devices keeps a rehearsal within its time and memory. */
    static void requireWithinBound(int devices) {
        if (devices > MAX_DEVICES) {
            throw new Invalid("too_many_devices", "a rehearsal takes at most " + MAX_DEVICES
                    + " devices; this campaign targets " + devices);
        }
    }

    /** A campaign's stored forecast beside what it did so far. */
    public ForecastVsActual forecastVsActual(Principal who, String campaignId) {
        CampaignView c = campaigns.get(who, campaignId);
        RehearsalStore.StoredForecast stored = store.forecast(c.id()).orElseThrow(() -> new NotFound(
                "campaign " + c.id() + " has no forecast; rehearse it first (POST /api/v1/campaigns/rehearsals"
                        + " with its campaignId)"));
        ForecastVsActual.Actual actual = null;
        if (c.startedAt() != null) {
            Instant end = c.finishedAt() != null ? Instant.parse(c.finishedAt()) : clock.instant();
            actual = new ForecastVsActual.Actual(c.state().wireName(),
                    Duration.between(Instant.parse(c.startedAt()), end).toMillis() / 1000.0,
                    c.counts().getOrDefault("succeeded", 0), c.counts().getOrDefault("failed", 0),
                    c.counts().getOrDefault("timed_out", 0), store.bytesServed(c.id()));
        }
        return new ForecastVsActual(c.id(), stored.at().toString(), parse(stored.json()), actual);
    }

    private Rehearsal.Options options(RehearsalRequest r) {
        Map<String, Bearer> bearers = new LinkedHashMap<>();
        if (r.bearers() != null) {
            r.bearers().forEach((type, name) -> bearers.put(type, bearer("bearers." + type, name)));
        }
        Bearer fallback = r.defaultBearer() == null ? Bearer.DEFAULT : bearer("defaultBearer", r.defaultBearer());
        int runs = r.runs() == null ? DEFAULT_RUNS : r.runs();
        if (runs < 1 || runs > MAX_RUNS) {
            throw new Invalid("invalid_runs", "runs must be from 1 to " + MAX_RUNS + "; got " + runs);
        }
        double price = r.pricePerMb() == null ? 0 : r.pricePerMb();
        if (!(price >= 0 && price <= 1e6)) {
            throw new Invalid("invalid_price", "pricePerMb must be from 0 to 1,000,000; got " + price);
        }
        int partSize = r.partSize() == null ? DeviceSettings.DEFAULT.partSize() : r.partSize();
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new Invalid("invalid_part_size", "partSize must be from " + MIN_PART_SIZE + " to " + MAX_PART_SIZE
                    + " bytes; got " + partSize);
        }
        DeviceSettings d = DeviceSettings.DEFAULT;
        Duration install = seconds("installSeconds", r.installSeconds(), d.installTime());
        Duration reboot = seconds("rebootSeconds", r.rebootSeconds(), d.rebootTime());
        DeviceSettings device = new DeviceSettings(partSize, d.maxRetries(), d.retryBackoff(), d.uplinkInterval(),
                d.jitter(), install, reboot);
        return new Rehearsal.Options(bearers, fallback, price, runs, r.seed() == null ? 1 : r.seed(), partSize,
                device, tick, clock.instant());
    }

    private static Bearer bearer(String field, String name) {
        try {
            return Bearer.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Invalid("invalid_bearer", field + " must be one of " + Arrays.toString(Bearer.values())
                    + "; got " + name);
        }
    }

    private static Duration seconds(String field, Double value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= MAX_SECONDS)) {
            throw new Invalid("invalid_seconds", field + " must be from 0 to " + (int) MAX_SECONDS + "; got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static String json(Forecast f) {
        try {
            return StrictJson.MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Forecast parse(String json) {
        try {
            return StrictJson.MAPPER.readValue(json, Forecast.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
