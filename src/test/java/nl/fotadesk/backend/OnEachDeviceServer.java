package nl.fotadesk.backend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * A device-facing test class extending this runs on H2 and on PostgreSQL with devices on Jetty's one
 * port, and on H2 with devices on Netty's own port ({@link DeviceTransport}). Build its backend with
 * {@link #config}.
 */
@ParameterizedClass(name = "{0}, devices on {1}")
@MethodSource("nl.fotadesk.backend.OnEachDeviceServer#servers")
public abstract class OnEachDeviceServer {
    @Parameter(0)
    protected TestDatabase database;
    @Parameter(1)
    protected DeviceTransport transport;

    static Stream<Arguments> servers() {
        return Stream.of(Arguments.of(TestDatabase.H2, DeviceTransport.JETTY),
                Arguments.of(TestDatabase.POSTGRESQL, DeviceTransport.JETTY),
                Arguments.of(TestDatabase.H2, DeviceTransport.NETTY));
    }

    /** A loopback backend on this run's database and device transport, with its data in {@code dataDir}. */
    protected BackendConfig config(java.nio.file.Path dataDir) {
        return transport.apply(database.config(dataDir, TestBackend.API_KEY));
    }

    /** Runs after the test class's own {@code @AfterEach}, once its backends are closed. */
    @AfterEach
    void dropUnusedTestDatabases() {
        if (database == TestDatabase.POSTGRESQL) {
            TestPostgres.dropUnusedDatabases();
        }
    }
}
