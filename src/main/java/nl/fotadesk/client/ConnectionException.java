package nl.fotadesk.client;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

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
        /** Something answers at the address, but not the FOTA Desk management API. */
        NOT_FOTA_DESK,
        /** The connection broke off or failed otherwise. */
        FAILED
    }

    private final Reason reason;

    public ConnectionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
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
        if (e instanceof SSLException) {
            return new ConnectionException(Reason.TLS, "Cannot set up a secure connection to " + server + ": "
                    + e.getMessage(), e);
        }
        return new ConnectionException(Reason.FAILED, "The connection to " + server + " failed: " + e.getMessage(), e);
    }

    /** {@code server} answered, but not as a FOTA Desk server does. */
    static ConnectionException notFotaDesk(String server, ApiException answer) {
        return new ConnectionException(Reason.NOT_FOTA_DESK, "The server at " + server
                + " answers, but it is not a FOTA Desk server: check the address.", answer);
    }
}
