package nl.fotadesk.client;

import nl.fotadesk.protocol.CertificateFingerprint;
import okhttp3.OkHttpClient;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which certificate an https server may present: one the system trusts, or exactly the one the user
 * trusted by its SHA-256 fingerprint (a self-signed certificate). A pinned certificate is the only
 * one accepted, even if the system would trust another: a different certificate can mean that the
 * connection is intercepted, so it is refused until the user trusts it anew. A refusal carries the
 * certificate presented ({@link ConnectionException#certificate()}) so that the user can be shown it.
 */
public final class ServerTrust {
    private static final ServerTrust SYSTEM = new ServerTrust(null);

    private final String pinned;

    private ServerTrust(String pinned) {
        this.pinned = pinned;
    }

    /** Certificates the system (the JDK's trust store) trusts, for the name connected to. */
    public static ServerTrust system() {
        return SYSTEM;
    }

    /**
     * Only the certificate with this SHA-256 fingerprint, whatever name it holds.
     * @throws IllegalArgumentException when it is not a SHA-256 fingerprint
     */
    public static ServerTrust pinned(String fingerprint) {
        return new ServerTrust(CertificateFingerprint.normalize(fingerprint));
    }

    /** The fingerprint of the one certificate trusted, when pinned. */
    public Optional<String> pinnedFingerprint() {
        return Optional.ofNullable(pinned);
    }

    /** {@code http} (sharing its pool) checking servers' certificates this way. */
    OkHttpClient apply(OkHttpClient http) {
        X509ExtendedTrustManager trust = new Checking(systemTrustManager(), pinned);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[]{trust}, null);
            HostnameVerifier standard = http.hostnameVerifier();
            // the pinned certificate is the server's identity, whatever names it holds
            HostnameVerifier names = pinned == null ? standard : (host, session) -> presents(session, pinned);
            return http.newBuilder().sslSocketFactory(tls.getSocketFactory(), trust).hostnameVerifier(names).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    private static boolean presents(SSLSession session, String fingerprint) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    && CertificateFingerprint.sha256(leaf).equals(fingerprint);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private static X509ExtendedTrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers()).filter(X509ExtendedTrustManager.class::isInstance)
                    .map(X509ExtendedTrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this Java has no X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java's trust store cannot be read", e);
        }
    }

    /** Checks servers (only): the pinned certificate, or else the system's judgement. */
    private static final class Checking extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager system;
        private final String pinned;

        Checking(X509ExtendedTrustManager system, String pinned) {
            this.system = system;
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, () -> system.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, () -> system.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, () -> system.checkServerTrusted(chain, authType));
        }

        private void check(X509Certificate[] chain, SystemCheck systemCheck) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            ServerCertificate presented = ServerCertificate.of(chain[0]);
            if (pinned != null) {
                if (!presented.fingerprint().equals(pinned)) {
                    throw new UntrustedCertificateException(presented, pinned, null);
                }
                return;
            }
            try {
                systemCheck.run();
            } catch (CertificateException e) {
                throw new UntrustedCertificateException(presented, null, e);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pinned == null ? system.getAcceptedIssuers() : new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }
    }

    @FunctionalInterface
    private interface SystemCheck {
        void run() throws CertificateException;
    }
}
