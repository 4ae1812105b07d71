package nl.fotadesk.backend.tls;

import nl.fotadesk.protocol.CertificateFingerprint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate made as an operator would, with the JDK's keytool (run as a process), written as the
 * PEM files the server takes: {@code NAME-cert.pem} and {@code NAME-key.pem} (PKCS#8).
 */
public record TestCertificate(Path certificate, Path key, X509Certificate x509, String fingerprint, Path store) {
    private static final String PASSWORD = "changeit";

    /** A self-signed EC P-256 certificate for {@code CN=<name>}, with no host name or address in it. */
    public static TestCertificate selfSigned(Path folder, String name) throws IOException, InterruptedException {
        return selfSigned(folder, name, "EC");
    }

    /** @param algorithm keytool's -keyalg: EC or RSA */
    public static TestCertificate selfSigned(Path folder, String name, String algorithm)
            throws IOException, InterruptedException {
        return make(folder, name, algorithm);
    }

    /** A self-signed certificate authority, to {@link #issue} certificates. */
    public static TestCertificate authority(Path folder, String name) throws IOException, InterruptedException {
        return make(folder, name, "EC", "-ext", "bc:c");
    }

    private static TestCertificate make(Path folder, String name, String algorithm, String... extensions)
            throws IOException, InterruptedException {
        Path store = folder.resolve(name + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-keyalg", algorithm,
                "-dname", "CN=" + name + ", O=FOTA Desk test", "-validity", "30", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-keypass", PASSWORD));
        args.addAll(List.of(extensions));
        keytool(args.toArray(String[]::new));
        try {
            return write(folder, name, store, (X509Certificate) load(store).getCertificate("server"));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A certificate for {@code CN=<name>} signed by this one, its PEM file holding it and then this one. */
    public TestCertificate issue(Path folder, String name) throws IOException, InterruptedException {
        TestCertificate leaf = selfSigned(folder, name);
        Path request = folder.resolve(name + ".csr");
        Path signed = folder.resolve(name + ".crt");
        keytool("-certreq", "-alias", "server", "-keystore", leaf.store().toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "server", "-keystore", store.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "30");
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(signed)));
            TestCertificate issued = write(folder, name, leaf.store(), x509);
            Files.writeString(issued.certificate(), Files.readString(certificate), StandardOpenOption.APPEND);
            return issued;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static TestCertificate write(Path folder, String name, Path store, X509Certificate x509)
            throws IOException {
        try {
            PrivateKey key = (PrivateKey) load(store).getKey("server", PASSWORD.toCharArray());
            Path certificateFile = Files.writeString(folder.resolve(name + "-cert.pem"),
                    pem("CERTIFICATE", x509.getEncoded()));
            Path keyFile = Files.writeString(folder.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificate(certificateFile, keyFile, x509, CertificateFingerprint.sha256(x509), store);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static KeyStore load(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-noprompt"));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
