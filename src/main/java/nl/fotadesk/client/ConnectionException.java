package nl.fotadesk.client;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * No FOTA Desk server could be talked to: the address is wrong, nothing answers there, the network
 * failed, or what answers is not a FOTA Desk server. {@link #reason()} lets a user interface choose
 * its own (translated) words; the message is in English.
 */
public final class ConnectionException extends FotaDeskException {
    public enum Reason {
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing accepts connections at the address (refused, no route). */
        UNREACHABLE,
        /** Connecting or waiting for the answer took too long. */
        TIMEOUT,
        /** A secure (https) connection could not be set up. */
        TLS,
        /** The server's certificate is trusted neither by this computer nor by the user; see {@link #certificate()}. */
        UNTRUSTED_CERTIFICATE,
        /** The server presents another certificate than the one the user trusted: possibly an interception. */
        CERTIFICATE_CHANGED,
        /** Something answers at the address, but not the FOTA Desk management API. */
        NOT_FOTA_DESK,
        /** The connection broke off or failed otherwise. */
        FAILED
    }

    private final Reason reason;
    private final transient ServerCertificate certificate;

    public ConnectionException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    private ConnectionException(Reason reason, String message, Throwable cause, ServerCertificate certificate) {
        super(message, cause);
        this.reason = reason;
        this.certificate = certificate;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The certificate the server presented, when it was refused ({@link Reason#UNTRUSTED_CERTIFICATE},
     * {@link Reason#CERTIFICATE_CHANGED}).
     */
    public Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Explains a network failure while talking to {@code server}. */
    static ConnectionException of(String server, IOException e) {
        if (e instanceof UnknownHostException) {
            return new ConnectionException(Reason.UNKNOWN_HOST, "Cannot find the server " + server
                    + ": check the address.", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new ConnectionException(Reason.UNREACHABLE, "Cannot reach the server at " + server
                    + ": check the address and port, and that the server is running.", e);
        }
        if (e instanceof InterruptedIOException) {
            return new ConnectionException(Reason.TIMEOUT, "The server at " + server + " did not answer in time.", e);
        }
        UntrustedCertificateException untrusted = untrusted(e);
        if (untrusted != null) {
            ServerCertificate presented = untrusted.presented();
            if (untrusted.trusted() != null) {
                return new ConnectionException(Reason.CERTIFICATE_CHANGED, "The server at " + server
                        + " presents another certificate than the one trusted for it (SHA-256 "
                        + presented.fingerprint()
                        + " instead of " + untrusted.trusted() + "). Someone may be intercepting the connection;"
                        + " trust the new certificate only when the server's administrator confirms its fingerprint.",
                        e, presented);
            }
            return new ConnectionException(Reason.UNTRUSTED_CERTIFICATE, "The server at " + server
                    + " presents a certificate this computer does not trust (SHA-256 " + presented.fingerprint()
                    + ", " + presented.subject() + ").", e, presented);
        }
        if (e instanceof SSLException) {
            return new ConnectionException(Reason.TLS, "Cannot set up a secure connection to " + server + ": "
                    + e.getMessage(), e);
        }
        return new ConnectionException(Reason.FAILED, "The connection to " + server + " failed: " + e.getMessage(), e);
    }

    /** The certificate refusal behind a failed handshake, if that is why it failed. */
    private static UntrustedCertificateException untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UntrustedCertificateException u) {
                return u;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                UntrustedCertificateException u = untrusted(suppressed);
                if (u != null) {
                    return u;
                }
            }
        }
        return null;
    }

    /** {@code server} answered, but not as a FOTA Desk server does. */
    static ConnectionException notFotaDesk(String server, ApiException answer) {
        return new ConnectionException(Reason.NOT_FOTA_DESK, "The server at " + server
                + " answers, but it is not a FOTA Desk server: check the address.", answer);
    }
}
