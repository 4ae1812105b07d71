package nl.fotadesk.client;

import java.security.cert.CertificateException;

/**
 * Thrown during the TLS handshake when the server's certificate is neither trusted by the system nor
 * the one the user trusted; carries the certificate so that the user can be shown it.
 */
final class UntrustedCertificateException extends CertificateException {
    private final transient ServerCertificate presented;
    private final String trusted;

    /** @param trusted the fingerprint the user trusted for this server, null when none */
    UntrustedCertificateException(ServerCertificate presented, String trusted, Throwable cause) {
        super(trusted == null ? "the certificate is not trusted by this computer"
                : "the certificate is not the one trusted for this server", cause);
        this.presented = presented;
        this.trusted = trusted;
    }

    ServerCertificate presented() {
        return presented;
    }

    /** The fingerprint trusted before, or null when this server had none. */
    String trusted() {
        return trusted;
    }
}
