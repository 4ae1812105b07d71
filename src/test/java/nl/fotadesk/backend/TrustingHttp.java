package nl.fotadesk.backend;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** A plain OkHttp client for tests that trusts one certificate, whatever name it holds. */
final class TrustingHttp {
    private TrustingHttp() {
    }

    static OkHttpClient trusting(X509Certificate certificate) throws Exception {
        X509TrustManager trust = trustManager(certificate);
        return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30))
                .sslSocketFactory(tls(trust).getSocketFactory(), trust)
                .hostnameVerifier((host, session) -> true).build();
    }

    /** The certificates a server presents in its handshake, as sent (OkHttp shows a cleaned chain). */
    static List<Certificate> presented(String host, int port, X509Certificate trusted) throws Exception {
        try (SSLSocket socket = (SSLSocket) tls(trustManager(trusted)).getSocketFactory().createSocket(host, port)) {
            socket.startHandshake();
            return List.of(socket.getSession().getPeerCertificates());
        }
    }

    private static X509TrustManager trustManager(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static SSLContext tls(X509TrustManager trust) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[]{trust}, null);
        return tls;
    }
}
