package nl.fotadesk.backend.secrets;

/** The master key is missing, unreadable or not the database's: the backend must not start. */
public final class MasterKeyException extends RuntimeException {
    public MasterKeyException(String message) {
        super(message);
    }
}
