package nl.fotadesk.backend;

/**
 * The two ways devices are served: by the one Jetty port beside the management API, or on their own
 * port ({@code --device-port}) by Netty. Device-facing tests run on both, so both keep one protocol.
 */
public enum DeviceTransport {
    /** No device port: Jetty serves devices and the management API on one port. */
    JETTY,
    /** A device port of its own, served by Netty. */
    NETTY;

    /** A backend on a fresh H2 database in {@code dataDir}, serving devices this way. */
    public TestBackend backend(java.nio.file.Path dataDir) throws Exception {
        return new TestBackend(apply(TestDatabase.H2.config(dataDir, TestBackend.API_KEY)));
    }

    /** {@code config} serving devices this way. */
    public BackendConfig apply(BackendConfig config) {
        return this == JETTY ? config : config.withDevicePort(new BackendConfig.DevicePort("127.0.0.1", 0));
    }
}
