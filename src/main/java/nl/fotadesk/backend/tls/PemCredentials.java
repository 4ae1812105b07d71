package nl.fotadesk.backend.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server certificate (with its chain, leaf first) and its private key, read from PEM files as
 * OpenSSL, certbot and most CAs write them. The key must be unencrypted PKCS#8 ({@code PRIVATE KEY}),
 * which the JDK reads itself; older OpenSSL formats are refused with the command that converts them,
 * rather than bringing in a cryptography library for that one conversion.
 */
public record PemCredentials(PrivateKey key, List<X509Certificate> chain) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] PROBE = "does this key belong to the certificate".getBytes(StandardCharsets.US_ASCII);

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * @throws TlsSetupException when a file cannot be read, holds no certificate or usable key, or
     *         the key does not belong to the (first) certificate
     */
    public static PemCredentials read(Path certificateFile, Path keyFile) throws TlsSetupException {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.get(0));
        if (!belongTogether(key, chain.get(0))) {
            throw new TlsSetupException("The key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + " (the first certificate there must be the server's own).");
        }
        return new PemCredentials(key, chain);
    }

    /** The key and chain in an in-memory key store, for Jetty, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory key store could not be made", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.label().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new TlsSetupException("The certificate in " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        for (int i = 1; i < chain.size(); i++) {
            if (!chain.get(i - 1).getIssuerX500Principal().equals(chain.get(i).getSubjectX500Principal())) {
                throw new TlsSetupException("The certificates in " + file + " do not form a chain: the server's own"
                        + " comes first and each is signed by the next (certificate " + (i + 1) + " is "
                        + chain.get(i).getSubjectX500Principal() + ", not the issuer of the one before).");
            }
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, X509Certificate certificate) throws TlsSetupException {
        for (Block block : blocks(file)) {
            switch (block.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, block, certificate.getPublicKey().getAlgorithm());
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new TlsSetupException(file + " holds a key in"
                        + " OpenSSL's traditional format (" + block.label() + "); convert it to PKCS#8 with:"
                        + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out server-key.pem");
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted(file);
                default -> {
                    // certificates or parameters next to the key: not the key
                }
            }
        }
        throw new TlsSetupException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
    }

    private static PrivateKey pkcs8(Path file, Block block, String algorithm) throws TlsSetupException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsSetupException("The key in " + file + " is not a " + algorithm
                    + " key as the certificate's is: " + e.getMessage(), e);
        }
    }

    /** Signs a probe with the key and checks it with the certificate. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return true; // no probe for this kind of key: the TLS handshake will tell
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static TlsSetupException encrypted(Path file) {
        return new TlsSetupException("The key in " + file + " is encrypted; the server starts unattended, so give"
                + " it unencrypted, readable by the server's user only: openssl pkcs8 -topk8 -nocrypt -in " + file
                + " -out server-key.pem");
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws TlsSetupException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsSetupException("Cannot read " + file + ": " + e, e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            if (body.contains("Proc-Type:")) { // an encrypted traditional key carries these headers
                throw encrypted(file);
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new TlsSetupException(file + " is not valid PEM: the " + m.group(1) + " block is not base64.", e);
            }
        }
        return blocks;
    }
}
