package nl.fotadesk.backend;

import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.backend.http.TrustedProxies;
import nl.fotadesk.backend.secrets.SecretsConfig;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a backend. {@code port} 0 takes a free port; {@code apiKey} null uses the stored key or
 * generates one; {@code publicUrl} null derives {@code http://host:port} from the address devices use;
 * {@code jdbcUrl} null keeps an H2 database in the data folder; the campaign engine steps every
 * {@code engineTick} (zero: only when {@link BackendServer#tick()} is called, for tests that step time);
 * {@code clientTimeouts} bound how long a client may take to send a request;
 * {@code secrets} says where the master key is and how failed authentication is limited;
 * {@code tls} null serves plain HTTP; {@code devicePort} null serves the device endpoints on the one
 * port with the management API, else on their own plain-HTTP port and only there.
 */
public record BackendConfig(String host, int port, Path dataDir, String apiKey, String publicUrl,
                            long maxFirmwareSize, String jdbcUrl, String jdbcUser, String jdbcPassword,
                            Duration engineTick, ClientTimeouts clientTimeouts, SecretsConfig secrets,
                            Tls tls, DevicePort devicePort, Duration eventRecheck, TrustedProxies trustedProxies) {
    public static final long DEFAULT_MAX_FIRMWARE_SIZE = 64L * 1024 * 1024;
    public static final Duration DEFAULT_ENGINE_TICK = Duration.ofSeconds(1);
    public static final Duration DEFAULT_EVENT_RECHECK = Duration.ofSeconds(1);

    /** HTTPS for the management API from a PEM certificate (chain) and its PKCS#8 key. */
    public record Tls(Path certificate, Path key) {
    }

    /** The device endpoints' own plain-HTTP listener ({@code port} 0 takes a free port). */
    public record DevicePort(String host, int port) {
    }

    /**
     * With the default client timeouts, the master key in this user's config folder
     * ({@link SecretsConfig#forUser()}), and plain HTTP on one port serving devices and the management API.
     */
    public BackendConfig(String host, int port, Path dataDir, String apiKey, String publicUrl, long maxFirmwareSize,
                         String jdbcUrl, String jdbcUser, String jdbcPassword, Duration engineTick) {
        this(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser, jdbcPassword, engineTick,
                ClientTimeouts.DEFAULTS, SecretsConfig.forUser(), null, null, DEFAULT_EVENT_RECHECK, TrustedProxies.NONE);
    }

    public BackendConfig withClientTimeouts(ClientTimeouts timeouts) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, timeouts, secrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    /** A backend on loopback with an H2 database in {@code dataDir}. */
    public static BackendConfig local(Path dataDir, int port, String apiKey) {
        return new BackendConfig("127.0.0.1", port, dataDir, apiKey, null, DEFAULT_MAX_FIRMWARE_SIZE,
                null, null, null, DEFAULT_ENGINE_TICK);
    }

    public BackendConfig withMaxFirmwareSize(long bytes) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, bytes, jdbcUrl, jdbcUser, jdbcPassword,
                engineTick, clientTimeouts, secrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withEngineTick(Duration tick) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, tick, clientTimeouts, secrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withSecrets(SecretsConfig newSecrets) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, newSecrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    /** The same backend with its own data folder: every node of a cluster needs one (its part journal). */
    public BackendConfig withDataDir(Path newDataDir) {
        return new BackendConfig(host, port, newDataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withPort(int newPort) {
        return new BackendConfig(host, newPort, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, tls, devicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withTls(Tls newTls) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, newTls, devicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withDevicePort(DevicePort newDevicePort) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, tls, newDevicePort, eventRecheck, trustedProxies);
    }

    public BackendConfig withEventRecheck(Duration recheck) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, tls, devicePort, recheck, trustedProxies);
    }

    public BackendConfig withTrustedProxies(TrustedProxies proxies) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, maxFirmwareSize, jdbcUrl, jdbcUser,
                jdbcPassword, engineTick, clientTimeouts, secrets, tls, devicePort, eventRecheck, proxies);
    }
}
