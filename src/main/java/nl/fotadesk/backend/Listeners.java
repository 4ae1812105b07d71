package nl.fotadesk.backend;

import nl.fotadesk.backend.tls.PemCredentials;
import nl.fotadesk.backend.tls.TlsSetupException;
import nl.fotadesk.protocol.CertificateFingerprint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The server's connectors: the management API's (HTTPS when a certificate is given) and, when asked,
 * the devices' own plain-HTTP one. Devices speak plain HTTP on a private APN and authenticate every
 * message themselves, so their port may face that network while the management API stays on loopback
 * or behind TLS. Without a device port one connector serves both, as before.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ServerConnector management;
    private final ServerConnector devices;
    private final String managementUrl;
    private final String deviceUrl;

    private Listeners(ServerConnector management, ServerConnector devices, String managementUrl, String deviceUrl) {
        this.management = management;
        this.devices = devices;
        this.managementUrl = managementUrl;
        this.deviceUrl = deviceUrl;
    }

    /**
     * Opens the connectors (so their ports are known), each set up by {@code tuning}, and adds them to
     * {@code jetty}.
     */
    static Listeners open(Server jetty, BackendConfig config, HttpConfiguration http,
                          Consumer<ServerConnector> tuning) throws TlsSetupException, IOException {
        ServerConnector management = config.tls() == null
                ? new ServerConnector(jetty, new HttpConnectionFactory(http))
                : https(jetty, config.tls(), http);
        String scheme = config.tls() == null ? "http" : "https";
        tuning.accept(management);
        management.setHost(config.host());
        management.setPort(config.port());
        management.open();
        jetty.addConnector(management);
        String managementUrl = scheme + "://" + BackendServer.urlHost(config.host()) + ":" + management.getLocalPort();
        if (config.tls() == null && !isLoopback(config.host())) {
            LOG.warn("The management API listens on {} without TLS: the API key crosses the network in clear."
                    + " Give --tls-cert and --tls-key, or listen on 127.0.0.1.", config.host());
        }
        if (config.devicePort() == null) {
            if (config.tls() != null) {
                LOG.warn("Devices are served over HTTPS on the management port; devices that speak plain HTTP"
                        + " need their own port (--device-port).");
            }
            return new Listeners(management, management, managementUrl, managementUrl);
        }
        ServerConnector devices = new ServerConnector(jetty, new HttpConnectionFactory(http));
        tuning.accept(devices);
        devices.setHost(config.devicePort().host());
        devices.setPort(config.devicePort().port());
        try {
            devices.open();
        } catch (IOException e) {
            management.close();
            throw e;
        }
        jetty.addConnector(devices);
        return new Listeners(management, devices, managementUrl,
                "http://" + BackendServer.urlHost(config.devicePort().host()) + ":" + devices.getLocalPort());
    }

    /** The management API's base URL, e.g. {@code https://127.0.0.1:8443}. */
    String managementUrl() {
        return managementUrl;
    }

    /** The device endpoints' base URL as this server listens (the public URL may differ). */
    String deviceUrl() {
        return deviceUrl;
    }

    /** {@code endpoints} as seen on the device port only (every port when there is one port). */
    Handler forDevices(Handler endpoints) {
        return devices == management ? endpoints : new OnConnector(devices, endpoints);
    }

    /** {@code api} as seen on the management port only (every port when there is one port). */
    Handler forManagement(Handler api) {
        return devices == management ? api : new OnConnector(management, api);
    }

    private static ServerConnector https(Server jetty, BackendConfig.Tls tls, HttpConfiguration http)
            throws TlsSetupException {
        PemCredentials credentials = PemCredentials.read(tls.certificate(), tls.key());
        describe(credentials.certificate());
        // the store lives only in memory; its password only satisfies the key store API
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getEncoder().encodeToString(random);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(credentials.keyStore(password.toCharArray()));
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration secure = new HttpConfiguration(http);
        // a self-signed certificate trusted by its fingerprint is often reached by an address it does not
        // name; which certificate to trust is the client's decision, so the host is not checked against it
        secure.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(secure));
    }

    private static void describe(X509Certificate certificate) {
        LOG.info("HTTPS certificate {}, valid until {}, SHA-256 fingerprint {}",
                certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                CertificateFingerprint.sha256(certificate));
        Instant now = Instant.now();
        if (now.isAfter(certificate.getNotAfter().toInstant())
                || now.isBefore(certificate.getNotBefore().toInstant())) {
            LOG.warn("The HTTPS certificate is not valid now (valid from {} until {}): clients will refuse it.",
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && !host.isEmpty() && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Lets {@code handler} see only requests that came in on {@code connector}. */
    private static final class OnConnector extends Handler.Wrapper {
        private final Connector connector;

        OnConnector(Connector connector, Handler handler) {
            super(handler);
            this.connector = connector;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return request.getConnectionMetaData().getConnector() == connector
                    && super.handle(request, response, callback);
        }
    }
}
