package nl.fotadesk.backend.tls;

/** The certificate or key given for HTTPS cannot be used; the message says why and what to do. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
