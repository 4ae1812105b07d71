package nl.fotadesk.backend;

import java.nio.file.Path;

/**
 * How to run a backend. {@code port} 0 takes a free port; {@code apiKey} null uses the stored key or
 * generates one; {@code publicUrl} null derives {@code http://host:port} from the listening address;
 * {@code jdbcUrl} null keeps an H2 database in the data folder.
 */
public record BackendConfig(String host, int port, Path dataDir, String apiKey, String publicUrl,
                            long maxFirmwareSize, String jdbcUrl, String jdbcUser, String jdbcPassword) {
    public static final long DEFAULT_MAX_FIRMWARE_SIZE = 64L * 1024 * 1024;

    /** A backend on loopback with an H2 database in {@code dataDir}. */
    public static BackendConfig local(Path dataDir, int port, String apiKey) {
        return new BackendConfig("127.0.0.1", port, dataDir, apiKey, null, DEFAULT_MAX_FIRMWARE_SIZE,
                null, null, null);
    }

    public BackendConfig withMaxFirmwareSize(long bytes) {
        return new BackendConfig(host, port, dataDir, apiKey, publicUrl, bytes, jdbcUrl, jdbcUser, jdbcPassword);
    }
}
