package nl.fotadesk.client;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.tls.TestCertificate;
import nl.fotadesk.protocol.CertificateFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static nl.fotadesk.backend.TestBackend.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An https server with a self-signed certificate: refused until trusted by its fingerprint, then only that one. */
class ServerTrustTest {
    @TempDir
    static Path folder;
    static TestCertificate certificate;
    static TestCertificate another;
    static TestBackend backend;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.selfSigned(folder, "fota-test");
        another = TestCertificate.selfSigned(folder, "impostor");
        backend = new TestBackend(BackendConfig.local(folder.resolve("data"), 0, API_KEY)
                .withTls(new BackendConfig.Tls(certificate.certificate(), certificate.key())));
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void aCertificateTheSystemDoesNotTrustIsRefusedWithWhatTheUserNeedsToDecide() {
        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> new HttpFotaDeskClient(backend.url(), API_KEY).checkConnection());
        assertThat(e.reason()).isEqualTo(ConnectionException.Reason.UNTRUSTED_CERTIFICATE);
        ServerCertificate shown = e.certificate().orElseThrow();
        assertThat(shown.fingerprint()).isEqualTo(certificate.fingerprint());
        assertThat(shown.subject()).contains("CN=fota-test");
        assertThat(shown.selfSigned()).isTrue();
        assertThat(shown.validUntil()).isEqualTo(certificate.x509().getNotAfter().toInstant());
        assertThat(e.getMessage()).contains("does not trust").contains(certificate.fingerprint());
    }

    @Test
    void theCertificateTrustedByItsFingerprintIsAcceptedWhateverNameItHolds() {
        String asTyped = certificate.fingerprint().replace(":", "").toLowerCase(Locale.ROOT);
        FotaDeskClient client = new HttpFotaDeskClient(backend.url(), API_KEY, ServerTrust.pinned(asTyped));
        client.checkConnection();
        assertThat(client.devices(DeviceQuery.ALL).items()).isEmpty();
    }

    @Test
    void anotherCertificateIsRefusedAsAPossibleInterception() {
        ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> new HttpFotaDeskClient(backend.url(),
                API_KEY, ServerTrust.pinned(another.fingerprint())).checkConnection());
        assertThat(e.reason()).isEqualTo(ConnectionException.Reason.CERTIFICATE_CHANGED);
        assertThat(e.certificate().orElseThrow().fingerprint()).as("the one presented")
                .isEqualTo(certificate.fingerprint());
        assertThat(e.getMessage()).contains("intercepting").contains(another.fingerprint())
                .contains(certificate.fingerprint());
    }

    @Test
    void fingerprintsAreReadInTheUsualSpellings() {
        String colons = certificate.fingerprint();
        assertThat(CertificateFingerprint.normalize("SHA256: " + colons)).isEqualTo(colons);
        assertThat(CertificateFingerprint.normalize("sha256 Fingerprint=" + colons)).isEqualTo(colons);
        assertThat(CertificateFingerprint.normalize(colons.replace(":", " ").toLowerCase(Locale.ROOT)))
                .isEqualTo(colons);
        assertThat(ServerTrust.pinned(colons).pinnedFingerprint()).contains(colons);
        assertThatThrownBy(() -> ServerTrust.pinned("AB:CD")).isInstanceOf(IllegalArgumentException.class);
        // not a hex digit (replacing an 'A' would change nothing in a fingerprint without one)
        assertThatThrownBy(() -> ServerTrust.pinned("G" + colons.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
