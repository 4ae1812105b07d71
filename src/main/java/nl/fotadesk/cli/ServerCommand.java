package nl.fotadesk.cli;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.backend.http.TrustedProxies;
import nl.fotadesk.backend.secrets.MasterKeyException;
import nl.fotadesk.backend.secrets.OwnerOnly;
import nl.fotadesk.backend.secrets.SecretsConfig;
import nl.fotadesk.demo.AppPaths;
import nl.fotadesk.backend.tls.TlsSetupException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the backend headless: device ingestion, firmware file server and management API.")
public final class ServerCommand implements Callable<Integer> {
    static final String API_KEY_VARIABLE = "FOTA_DESK_API_KEY";
    static final String MASTER_KEY_VARIABLE = "FOTA_DESK_MASTER_KEY";

    @Spec
    CommandSpec spec;

    /** Where the key variables are read (the process environment; tests give their own). */
    Map<String, String> environment = System.getenv();

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
        @Option(names = "--tls-cert", required = true,
                description = "PEM certificate, or chain with the server's own first.")
        Path certificate;

        @Option(names = "--tls-key", required = true,
                description = "PEM private key (PKCS#8, unencrypted) of that certificate.")
        Path key;
    }

    @Option(names = "--data", description = "Data folder (database, firmware images). Default: the 'server' folder"
            + " in the user's data folder (~/.local/share/fota-desk on Linux).")
    Path data;

    @Option(names = "--api-key", description = "Management API key. Other local users can read it in the process list:"
            + " prefer " + API_KEY_VARIABLE + " or --api-key-file. Without any of them the stored key is used, or one"
            + " is generated and printed.")
    String apiKey;

    @Option(names = "--api-key-file", description = "File whose first line is the management API key (keep it 0600).")
    Path apiKeyFile;

    @Option(names = "--master-key-file", description = "Master key that seals the secrets in the database (base64,"
            + " 32 bytes); created, 0600, on the first start of a new database. Default: master.key in the user's"
            + " config folder (~/.config/fota-desk on Linux). " + MASTER_KEY_VARIABLE + " (base64) replaces the file.")
    Path masterKeyFile;

    @Option(names = "--public-url", description = "Base URL devices reach the service by, in download URLs (e.g."
            + " http://fota.example.net:8080; with --device-port, that port's address; behind a load balancer, the"
            + " balancer's). Required unless devices are served on a loopback address.")
    String publicUrl;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS|CIDR", description = "A load balancer"
            + " or reverse proxy in front of the management API (an IP address or range, e.g. 10.0.0.0/24; repeat or"
            + " separate with commas). Only from these is X-Forwarded-For read: the last address in it that is not a"
            + " trusted proxy is the client's, for the failed-authentication limit and the audit trail. From any other"
            + " peer the header is ignored.")
    List<String> trustedProxies = List.of();

    @Option(names = "--max-firmware-mib", defaultValue = "64", description = "Largest firmware image accepted, in MiB. Default: ${DEFAULT-VALUE}")
    long maxFirmwareMib;

    @Option(names = "--jdbc-url", description = "Use this database instead of H2 in the data folder (e.g. jdbc:postgresql://...).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:FOTA_DESK_JDBC_PASSWORD}", description = "Database"
            + " password for --jdbc-url. Default: the environment variable FOTA_DESK_JDBC_PASSWORD (a command line is"
            + " visible to every user of the machine, the environment is not).")
    String jdbcPassword;

    @Override
    public Integer call() throws Exception {
        Path folder = data != null ? data : AppPaths.dataHome().resolve("server");
        // without TLS the API key would cross the network in clear: loopback unless asked otherwise
        String address = host != null ? host : tls != null ? "0.0.0.0" : "127.0.0.1";
        BackendConfig config = new BackendConfig(address, port, folder, apiKey(), publicUrl,
                maxFirmwareMib * 1024 * 1024, jdbcUrl, jdbcUser, jdbcPassword, BackendConfig.DEFAULT_ENGINE_TICK,
                ClientTimeouts.DEFAULTS, secrets(),
                tls == null ? null : new BackendConfig.Tls(tls.certificate, tls.key),
                devicePort == null ? null : new BackendConfig.DevicePort(deviceHost, devicePort),
                BackendConfig.DEFAULT_EVENT_RECHECK, trustedProxies());
        BackendServer server;
        try {
            server = BackendServer.start(config);
        } catch (MasterKeyException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (TlsSetupException e) {
            System.err.println("Cannot serve HTTPS: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("fota-desk server: " + e.getMessage());
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

    /** The key from --api-key-file, --api-key or FOTA_DESK_API_KEY (in that order); null when none is given. */
    String apiKey() throws IOException {
        if (apiKey != null && apiKeyFile != null) {
            throw new ParameterException(spec.commandLine(), "give --api-key or --api-key-file, not both");
        }
        if (apiKeyFile != null) {
            if (OwnerOnly.readableByOthers(apiKeyFile)) {
                System.err.println("Warning: other users can read " + apiKeyFile + "; make it 0600");
            }
            String key = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (key.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "the API key file " + apiKeyFile + " is empty");
            }
            return key;
        }
        if (apiKey != null) {
            System.err.println("Warning: --api-key shows the key to other local users (ps); prefer "
                    + API_KEY_VARIABLE + " or --api-key-file");
            return apiKey;
        }
        String fromEnvironment = environment.get(API_KEY_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    TrustedProxies trustedProxies() {
        try {
            return TrustedProxies.of(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trusted-proxy: " + e.getMessage());
        }
    }

    SecretsConfig secrets() {
        SecretsConfig secrets = SecretsConfig.forUser();
        String masterKey = environment.get(MASTER_KEY_VARIABLE);
        if (masterKey != null && !masterKey.isBlank()) {
            if (masterKeyFile != null) {
                throw new ParameterException(spec.commandLine(),
                        "give the master key in " + MASTER_KEY_VARIABLE + " or --master-key-file, not both");
            }
            return secrets.withMasterKey(masterKey.strip());
        }
        return masterKeyFile == null ? secrets : secrets.withMasterKeyFile(masterKeyFile);
    }
}
