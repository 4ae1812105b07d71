package nl.fotadesk.backend;

import nl.fotadesk.backend.api.CampaignRoutes;
import nl.fotadesk.backend.api.CatalogRoutes;
import nl.fotadesk.backend.api.DeviceRoutes;
import nl.fotadesk.backend.api.EventRoutes;
import nl.fotadesk.backend.api.FirmwareRoutes;
import nl.fotadesk.backend.accounts.Accounts;
import nl.fotadesk.backend.accounts.Passwords;
import nl.fotadesk.backend.api.AccountRoutes;
import nl.fotadesk.backend.api.GroupRoutes;
import nl.fotadesk.backend.api.ManagementApi;
import nl.fotadesk.backend.api.RequestRoutes;
import nl.fotadesk.backend.api.RehearsalRoutes;
import nl.fotadesk.backend.campaign.CampaignService;
import nl.fotadesk.backend.campaign.KeptForecasts;
import nl.fotadesk.backend.campaign.EngineLease;
import nl.fotadesk.backend.campaign.ProgressHistory;
import nl.fotadesk.backend.campaign.RolloutEngine;
import nl.fotadesk.backend.campaign.TargetResolver;
import nl.fotadesk.backend.devices.CatalogService;
import nl.fotadesk.backend.devices.DeviceImport;
import nl.fotadesk.backend.devices.DeviceService;
import nl.fotadesk.backend.devices.GroupService;
import nl.fotadesk.backend.devices.Updates;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.files.DownloadTokens;
import nl.fotadesk.backend.files.Downloads;
import nl.fotadesk.backend.files.PartCounting;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.firmware.FirmwareService;
import nl.fotadesk.backend.http.ClientDeadlines;
import nl.fotadesk.backend.http.ConnectionReuseLimit;
import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.http.device.FileServer;
import nl.fotadesk.backend.http.device.FileServerHandler;
import nl.fotadesk.backend.http.device.IngestionHandler;
import nl.fotadesk.backend.http.device.NettyDevicePort;
import nl.fotadesk.backend.http.device.Uplinks;
import nl.fotadesk.backend.http.JsonErrors;
import nl.fotadesk.backend.ingest.Ingestion;
import nl.fotadesk.backend.requests.RequestService;
import nl.fotadesk.backend.rehearsal.RehearsalService;
import nl.fotadesk.backend.secrets.ApiKeys;
import nl.fotadesk.backend.secrets.AuthFailureLimit;
import nl.fotadesk.backend.secrets.MasterKey;
import nl.fotadesk.backend.secrets.OwnerOnly;
import nl.fotadesk.backend.secrets.SecretBox;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CampaignWindowStore;
import nl.fotadesk.backend.store.RequestStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.ClusterLocks;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.backend.store.GroupStore;
import nl.fotadesk.backend.store.RehearsalStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.ProgressStore;
import nl.fotadesk.backend.store.SettingsStore;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The FOTA Desk backend: device ingestion, firmware file server and management API on one
 * Jetty connector (or the device endpoints on their own Netty port, see {@link Listeners}), over one database.
 * Embedded by the app, run alone by {@code fota-desk server}.
 */
public final class BackendServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);
    /** docs/protocol.md §3.7: one TCP connection serves at most this many requests. */
    public static final int MAX_REQUESTS_PER_CONNECTION = 100;
    static final String JWT_SECRET = "jwt_secret";
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;
    private static final Duration THREAD_IDLE = Duration.ofMinutes(1);

    private final Server jetty;
    /** The devices' own port, or null when Jetty's one port serves them. */
    private final NettyDevicePort devicePort;
    private final Database database;
    private final Path dataDir;
    private final ImageStore images;
    private final GroupCommit writes;
    private final PartCounting parts;
    private final RolloutEngine engine;
    private final EngineLease engineLease;
    private final ManagementApi api;
    private final EventLog events;
    private final ScheduledExecutorService flusher;
    private final String baseUrl;
    private final String deviceUrl;
    private final Optional<String> generatedApiKey;

    private BackendServer(BackendConfig config, Clock clock, HashCosts hashCosts) throws Exception {
        PublicUrl.check(config.devicePort() == null ? config.host() : config.devicePort().host(), config.publicUrl());
        Files.createDirectories(config.dataDir());
        dataDir = config.dataDir();
        database = config.jdbcUrl() == null ? Database.inFolder(config.dataDir())
                : Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        images = ImageStore.open(config.dataDir().resolve("firmware"), database.jdbc(),
                new FirmwareStore(database.jdbc()));
        Path requestUploads = Files.createDirectories(config.dataDir().resolve("request-uploads"));
        OwnerOnly.restrictTree(dataDir);
        SettingsStore settings = new SettingsStore(database.jdbc());
        SecretBox box;
        try {
            box = MasterKey.unlock(config.secrets(), settings);
        } catch (RuntimeException e) {
            images.close();
            database.close();
            throw e;
        }
        ApiKeys.Result keys = ApiKeys.setUp(settings, config.apiKey(), hashCosts.apiKeyIterations(), clock);
        generatedApiKey = keys.generatedKey();
        byte[] signingSecret = Base64.getDecoder().decode(settings.getOrCreateSecret(JWT_SECRET, box,
                BackendServer::newSecret));
        DownloadTokens tokens = new DownloadTokens(signingSecret);

        jetty = new Server(threadPool());
        jetty.setErrorHandler(new JsonErrors());
        ClientDeadlines deadlines = new ClientDeadlines(config.clientTimeouts());
        Listeners listeners = Listeners.open(jetty, config, httpConfiguration(), connector -> {
            connector.setIdleTimeout(config.clientTimeouts().idle().toMillis());
            connector.addEventListener(deadlines.connectionListener());
        });
        baseUrl = listeners.managementUrl();
        deviceUrl = listeners.deviceUrl();
        String publicUrl = PublicUrl.of(config.publicUrl(), deviceUrl);

        Jdbc jdbc = database.jdbc();
        DeviceStore deviceStore = new DeviceStore(jdbc, box);
        int sealed = deviceStore.sealClearValues();
        if (sealed > 0) {
            LOG.info("Sealed {} device secrets and download tokens an older version had stored in clear", sealed);
        }
        DownloadStore downloadStore = new DownloadStore(jdbc);
        FirmwareStore firmwareStore = new FirmwareStore(jdbc);
        CatalogStore catalog = new CatalogStore(jdbc);
        CampaignStore campaignStore = new CampaignStore(jdbc);
        GroupStore groupStore = new GroupStore(jdbc);
        events = new EventLog(jdbc, clock, config.eventRecheck());
        writes = new GroupCommit(jdbc, jetty.getThreadPool(), GroupCommit.DEFAULT_CAPACITY);
        parts = PartCounting.start(config.dataDir().resolve("parts"), jdbc, jetty.getThreadPool());
        Downloads downloads = new Downloads(jdbc, downloadStore, deviceStore, writes, parts);
        Updates updates = new Updates(deviceStore, downloadStore, downloads, events, clock);
        Ingestion ingestion = new Ingestion(writes, deviceStore, downloads, tokens, events, campaignStore,
                publicUrl, clock);
        AuthFailureLimit authFailures = new AuthFailureLimit(config.secrets().authFailures(),
                config.secrets().authWindow(), clock);
        Accounts accounts = Accounts.of(jdbc, new Passwords(hashCosts.passwordCost()), authFailures, clock);
        DeviceService devices = new DeviceService(jdbc, deviceStore, firmwareStore, updates, catalog,
                campaignStore, accounts.audit(), clock);
        FirmwareService firmware = new FirmwareService(jdbc, firmwareStore, campaignStore, catalog, images,
                config.maxFirmwareSize(), accounts.audit(), clock);
        CampaignWindowStore windows = new CampaignWindowStore(jdbc);
        engine = new RolloutEngine(jdbc, campaignStore, windows, deviceStore, firmwareStore, updates, events,
                accounts.audit(), clock);
        TargetResolver resolver = new TargetResolver(deviceStore, groupStore);
        RehearsalStore rehearsalStore = new RehearsalStore(jdbc);
        KeptForecasts forecasts = new KeptForecasts(rehearsalStore, signingSecret);
        CampaignService campaigns = new CampaignService(jdbc, campaignStore, windows, firmwareStore, resolver, engine,
                events, accounts.audit(), forecasts, clock);
        RequestService requests = new RequestService(jdbc, new RequestStore(jdbc), firmwareStore, catalog, images,
                deviceStore, resolver, campaigns, engine, accounts.audit(), events, config.maxFirmwareSize(), clock);
        api = new ManagementApi(keys.keys(), accounts, authFailures, config.trustedProxies(), List.of(
                new AccountRoutes(accounts),
                new DeviceRoutes(devices, new DeviceImport(devices), events),
                new FirmwareRoutes(firmware),
                new CatalogRoutes(new CatalogService(catalog, accounts.audit(), clock)),
                new GroupRoutes(new GroupService(jdbc, groupStore, devices, accounts.audit(), clock)),
                new CampaignRoutes(campaigns, engine, new ProgressHistory(new ProgressStore(jdbc), campaignStore)),
                new RequestRoutes(requests, requestUploads),
                new RehearsalRoutes(new RehearsalService(campaigns, requests, rehearsalStore, forecasts,
                        config.engineTick().isZero() ? BackendConfig.DEFAULT_ENGINE_TICK : config.engineTick(), clock)),
                new EventRoutes(events)));

        FileServer files = new FileServer(tokens, downloads, images, jetty.getThreadPool());
        Uplinks uplinks = new Uplinks(ingestion);
        devicePort = listeners.devicePort();
        deadlines.setHandler(new ConnectionReuseLimit(MAX_REQUESTS_PER_CONNECTION, devicePort != null
                ? new Handler.Sequence(api, new NotFound())
                : new Handler.Sequence(new IngestionHandler(uplinks), new FileServerHandler(files), api, new NotFound())));
        jetty.setHandler(deadlines);
        jetty.start();
        if (devicePort != null) {
            devicePort.serve(files, uplinks, config.clientTimeouts(), jetty.getThreadPool(), MAX_REQUESTS_PER_CONNECTION);
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backend-background");
            t.setDaemon(true);
            return t;
        });
        if (config.engineTick().isZero()) {
            engineLease = null;
        } else {
            engineLease = new EngineLease(new ClusterLocks(jdbc), config.engineTick());
            long tick = config.engineTick().toMillis();
            flusher.scheduleWithFixedDelay(this::tickWhileLeading, tick, tick, TimeUnit.MILLISECONDS);
        }
        LOG.info("FOTA Desk backend: management API on {}, devices on {} (they reach it at {}), data in {}",
                baseUrl, deviceUrl, publicUrl, config.dataDir().toAbsolutePath());
    }

    public static BackendServer start(BackendConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    public static BackendServer start(BackendConfig config, Clock clock) throws Exception {
        return start(config, clock, HashCosts.DEFAULT);
    }

    /** As {@link #start(BackendConfig, Clock)}, storing hashes at {@code hashCosts} (tests use lower ones). */
    public static BackendServer start(BackendConfig config, Clock clock, HashCosts hashCosts) throws Exception {
        return new BackendServer(config, clock, hashCosts);
    }

    /** Where the management API listens, e.g. {@code http://127.0.0.1:8080} or {@code https://...}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Where devices are served as this server listens: {@link #baseUrl()}, or the device port's own URL. */
    public String deviceUrl() {
        return deviceUrl;
    }

    /** The API key generated at this start, if there was none before (print it once). */
    public Optional<String> generatedApiKey() {
        return generatedApiKey;
    }

    /** One step of the campaign engine (run every engine tick, or by tests that step the clock). */
    public void tick() {
        engine.tick();
    }

    /** Counts the parts served so far in the database now, rather than within the next second. */
    public void countServedParts() {
        parts.reconcile();
    }

    /** A scheduled tick: on the one node of the cluster that holds the engine's lease. */
    private void tickWhileLeading() {
        try {
            if (engineLease.hold()) {
                tick();
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the engine must outlive a database hiccup
            LOG.error("The campaign engine could not step; will try again", e);
        }
    }

    /** How many long polls on the events feed wait on this node now. */
    public int waitingLongPolls() {
        return events.waitingPolls();
    }

    /** Every management API route as "METHOD template" (the API documentation is checked against it). */
    public List<String> apiRoutes() {
        return api.routes().stream().map(Router.RouteRule::toString).toList();
    }

    /** Every management API route with who may call it (the authorization test is generated from it). */
    public List<Router.RouteRule> apiRouteRules() {
        return api.routes();
    }

    @Override
    public void close() throws Exception {
        try {
            events.close(); // answers the open long polls, so stopping does not wait for them
            if (devicePort != null) {
                devicePort.close();
            }
            jetty.stop();
        } finally {
            // a tick under way finishes: interrupting it mid-I/O makes H2 close its whole database
            flusher.shutdown();
            flusher.awaitTermination(10, TimeUnit.SECONDS);
            if (engineLease != null) {
                engineLease.release();
            }
            writes.close();
            parts.close();
            images.close();
            database.close();
            // Files the database or image store created while running get the same owner-only access.
            OwnerOnly.restrictTree(dataDir);
            LOG.info("FOTA Desk backend stopped");
        }
    }

    /**
     * Sized for work, not for clients. No thread waits for a client: request bodies (JSON, CSV, firmware
     * and request uploads) are read as they arrive, file-server parts are written as the client takes
     * them, long polls are parked as futures, and device writes are answered from the group commit's
     * futures (completed on this pool). A thread is held while a route works: mostly waiting for a
     * database connection (H2: two per core, at least 4; PostgreSQL: 10, see {@code Database}) or
     * the disk, and while an operator downloads an image through {@code GET /api/v1/firmware/{id}/content},
     * which is written through a blocking stream and bounded by the idle timeout. 200 threads leave room
     * for requests queued on the database pool and bound the memory their stacks take.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, (int) THREAD_IDLE.toMillis());
        pool.setName("fota-http");
        return pool;
    }

    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty's per-connection header cache is cleared (a large array fill) whenever it meets new
        // values; device requests carry a different Range, and often a different token, each time.
        http.setHeaderCacheSize(0);
        // The vendor's C device library ends header lines with a bare LF (docs/protocol.md §7.1).
        http.setHttpCompliance(HttpCompliance.RFC9110.with("FOTA_DEVICES",
                HttpCompliance.Violation.LF_HEADER_TERMINATION, HttpCompliance.Violation.LF_CHUNK_TERMINATION));
        return http;
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    static String urlHost(String host) {
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Anything no other handler took. */
    private static final class NotFound extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            JsonBodies.error(response, callback, 404, "not_found", "no resource at " + Request.getPathInContext(request));
            return true;
        }
    }
}
