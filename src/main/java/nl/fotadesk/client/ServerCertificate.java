package nl.fotadesk.client;

import nl.fotadesk.protocol.CertificateFingerprint;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What a user needs to decide whether to trust a server's certificate: its SHA-256 fingerprint (to
 * compare with the one the server's administrator reads from the server's log), who it names, who
 * signed it and when it is valid.
 */
public record ServerCertificate(String fingerprint, String subject, String issuer, Instant validFrom,
                                Instant validUntil) {
    static ServerCertificate of(X509Certificate certificate) {
        return new ServerCertificate(CertificateFingerprint.sha256(certificate),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /** True when the certificate names itself as its issuer, as one made with keytool or openssl alone does. */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }
}
