package nl.fotadesk.client;

/**
 * Anything a {@link FotaDeskClient} call can fail with: the server refused the request
 * ({@link ApiException}) or could not be talked to ({@link ConnectionException}). The message is
 * written for the user who asked for the action.
 */
public abstract class FotaDeskException extends RuntimeException {
    protected FotaDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
