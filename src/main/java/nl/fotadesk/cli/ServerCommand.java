package nl.fotadesk.cli;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.demo.AppPaths;
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

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--data", description = "Data folder (database, firmware images). Default: the 'server' folder"
            + " in the user's data folder (~/.local/share/fota-desk on Linux).")
    Path data;

    @Option(names = "--api-key", description = "Management API key; without it the stored one is used, or one is generated and printed.")
    String apiKey;

    @Option(names = "--public-url", description = "Base URL devices use to reach this server, in download URLs (e.g. http://host:8080).")
    String publicUrl;

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
        BackendConfig config = new BackendConfig(host, port, folder, apiKey, publicUrl, maxFirmwareMib * 1024 * 1024,
                jdbcUrl, jdbcUser, jdbcPassword, BackendConfig.DEFAULT_ENGINE_TICK);
        BackendServer server = BackendServer.start(config);
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
