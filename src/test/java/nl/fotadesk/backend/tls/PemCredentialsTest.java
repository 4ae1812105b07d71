package nl.fotadesk.backend.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM files as operators bring them: what is read, and what is refused with a message that says what to do. */
class PemCredentialsTest {
    @TempDir
    static Path folder;
    static TestCertificate ec;
    static TestCertificate rsa;

    @BeforeAll
    static void make() throws Exception {
        ec = TestCertificate.selfSigned(folder, "ec");
        rsa = TestCertificate.selfSigned(folder, "rsa", "RSA");
    }

    @Test
    void readsEcAndRsaKeysInPkcs8() throws Exception {
        assertThat(PemCredentials.read(ec.certificate(), ec.key()).certificate()).isEqualTo(ec.x509());
        assertThat(PemCredentials.read(rsa.certificate(), rsa.key()).key().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void readsAChainLeafFirstAndAKeyFileWithOtherBlocks() throws Exception {
        TestCertificate authority = TestCertificate.authority(folder, "ca");
        TestCertificate issued = authority.issue(folder, "issued");
        Path combined = Files.writeString(folder.resolve("combined.pem"),
                Files.readString(issued.certificate()) + Files.readString(issued.key()));
        PemCredentials credentials = PemCredentials.read(issued.certificate(), combined);
        assertThat(credentials.chain()).containsExactly(issued.x509(), authority.x509());
        assertThat(credentials.keyStore("pw".toCharArray()).getCertificateChain("server")).hasSize(2);
    }

    @Test
    void refusesCertificatesThatDoNotFormAChain() throws Exception {
        Path notAChain = Files.writeString(folder.resolve("not-a-chain.pem"),
                Files.readString(ec.certificate()) + Files.readString(rsa.certificate()));
        assertThatThrownBy(() -> PemCredentials.read(notAChain, ec.key()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("signed by the next");
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        assertThatThrownBy(() -> PemCredentials.read(ec.certificate(), rsa.key()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("is not a EC key");
        Path otherEc = folder.resolve("other-ec");
        assertThatThrownBy(() -> {
            Files.createDirectories(otherEc);
            TestCertificate other = TestCertificate.selfSigned(otherEc, "other");
            PemCredentials.read(ec.certificate(), other.key());
        }).isInstanceOf(TlsSetupException.class).hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void refusesTraditionalAndEncryptedKeysNamingTheConversion() throws Exception {
        for (String label : new String[]{"RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"}) {
            Path key = Files.writeString(folder.resolve(label.replace(' ', '-') + ".pem"),
                    TestCertificate.pem(label, new byte[]{48, 0}));
            assertThatThrownBy(() -> PemCredentials.read(ec.certificate(), key)).as(label)
                    .isInstanceOf(TlsSetupException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        }
    }

    @Test
    void refusesFilesWithoutCertificateOrKeyOrThatAreMissing() throws Exception {
        assertThatThrownBy(() -> PemCredentials.read(ec.key(), ec.key()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> PemCredentials.read(ec.certificate(), ec.certificate()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("holds no PEM private key");
        assertThatThrownBy(() -> PemCredentials.read(folder.resolve("missing.pem"), ec.key()))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("Cannot read");
        Path garbled = Files.writeString(folder.resolve("garbled.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemCredentials.read(garbled, ec.key())).isInstanceOf(TlsSetupException.class);
    }
}
