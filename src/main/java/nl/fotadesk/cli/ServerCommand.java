package nl.fotadesk.cli;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.demo.AppPaths;
import nl.fotadesk.backend.tls.TlsSetupException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the backend headless: device ingestion, firmware file server and management API.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", description = "Address the management API listens on (the devices too, without"
            + " --device-port). Default: 127.0.0.1, or 0.0.0.0 (every address) with --tls-cert.")
    String host;

    @ArgGroup(exclusive = false, heading = "HTTPS for the management API (both options together):%n")
    TlsFiles tls;

    @Option(names = "--device-port", description = "Serve the device endpoints on this port in plain HTTP, and only"
            + " there (0 picks a free one). Without it the management API's port serves them too.")
    Integer devicePort;

    @Option(names = "--device-host", defaultValue = "0.0.0.0",
            description = "Address the device port listens on. Default: ${DEFAULT-VALUE}")
    String deviceHost;

    static final class TlsFiles {
        @Option(names = "--tls-cert", required = true, description = "PEM certificate, or chain with the server's own first.")
        Path certificate;

        @Option(names = "--tls-key", required = true, description = "PEM private key (PKCS#8, unencrypted) of that certificate.")
        Path key;
    }

    @Option(names = "--data", description = "Data folder (database, firmware images). Default: the 'server' folder"
            + " in the user's data folder (~/.local/share/fota-desk on Linux).")
    Path data;

    @Option(names = "--api-key", description = "Management API key; without it the stored one is used, or one is generated and printed.")
    String apiKey;

    @Option(names = "--public-url", description = "Base URL devices use to reach this server, in download URLs (e.g. http://host:8080;"
            + " with --device-port, that port's address).")
    String publicUrl;

    @Option(names = "--max-firmware-mib", defaultValue = "64", description = "Largest firmware image accepted, in MiB. Default: ${DEFAULT-VALUE}")
    long maxFirmwareMib;

    @Option(names = "--jdbc-url", description = "Use this database instead of H2 in the data folder (e.g. jdbc:postgresql://...).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
    String jdbcUser;

    @Option(names = "--jdbc-password", description = "Database password for --jdbc-url.")
    String jdbcPassword;

    @Override
    public Integer call() throws Exception {
        Path folder = data != null ? data : AppPaths.dataHome().resolve("server");
        // without TLS the API key would cross the network in clear: loopback unless asked otherwise
        String address = host != null ? host : tls != null ? "0.0.0.0" : "127.0.0.1";
        BackendConfig config = new BackendConfig(address, port, folder, apiKey, publicUrl,
                maxFirmwareMib * 1024 * 1024, jdbcUrl, jdbcUser, jdbcPassword, BackendConfig.DEFAULT_ENGINE_TICK,
                tls == null ? null : new BackendConfig.Tls(tls.certificate, tls.key),
                devicePort == null ? null : new BackendConfig.DevicePort(deviceHost, devicePort));
        BackendServer server;
        try {
            server = BackendServer.start(config);
        } catch (TlsSetupException e) {
            System.err.println("Cannot serve HTTPS: " + e.getMessage());
            return 2;
        }
        server.generatedApiKey().ifPresent(key -> System.out.println(
                "Generated the management API key (shown only now, keep it): " + key));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
