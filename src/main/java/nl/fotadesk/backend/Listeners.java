package nl.fotadesk.backend;

import nl.fotadesk.backend.http.device.NettyDevicePort;
import nl.fotadesk.backend.tls.PemCredentials;
import nl.fotadesk.backend.tls.TlsSetupException;
import nl.fotadesk.protocol.CertificateFingerprint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The server's ports: the management API's Jetty connector (HTTPS when a certificate is given) and,
 * when asked, the devices' own plain-HTTP port, served by Netty ({@link NettyDevicePort}). Devices
 * speak plain HTTP on a private APN and authenticate every message themselves, so their port may face
 * that network while the management API stays on loopback or behind TLS. Without a device port the
 * one Jetty connector serves both, as before.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final NettyDevicePort devices;
    private final String managementUrl;
    private final String deviceUrl;

    private Listeners(NettyDevicePort devices, String managementUrl, String deviceUrl) {
        this.devices = devices;
        this.managementUrl = managementUrl;
        this.deviceUrl = deviceUrl;
    }

    /**
     * Opens the management connector, set up by {@code tuning}, and adds it to {@code jetty}; binds the
     * device port when there is one (so both ports are known).
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
        if (config.tls() == null && !PublicUrl.isLoopback(config.host())) {
            LOG.warn("The management API listens on {} without TLS: the API key crosses the network in clear."
                    + " Give --tls-cert and --tls-key, or listen on 127.0.0.1.", config.host());
        }
        if (config.devicePort() == null) {
            if (config.tls() != null) {
                LOG.warn("Devices are served over HTTPS on the management port; devices that speak plain HTTP"
                        + " need their own port (--device-port).");
            }
            return new Listeners(null, managementUrl, managementUrl);
        }
        NettyDevicePort devices;
        try {
            devices = NettyDevicePort.bind(config.devicePort().host(), config.devicePort().port());
        } catch (IOException e) {
            management.close();
            throw e;
        }
        return new Listeners(devices, managementUrl,
                "http://" + BackendServer.urlHost(config.devicePort().host()) + ":" + devices.port());
    }

    /** The management API's base URL, e.g. {@code https://127.0.0.1:8443}. */
    String managementUrl() {
        return managementUrl;
    }

    /** The device endpoints' base URL as this server listens (the public URL may differ). */
    String deviceUrl() {
        return deviceUrl;
    }

    /** The devices' own port, or null when the management connector serves devices too. */
    NettyDevicePort devicePort() {
        return devices;
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
}
