package nl.fotadesk.backend.secrets;

/** A stored secret that does not open: not sealed, damaged, or sealed with another master key. */
public final class SealedValueException extends RuntimeException {
    public SealedValueException(String message) {
        super(message);
    }
}
