package nl.fotadesk.protocol;

/** A device secret that does not meet the vendor's format. */
public class InvalidSecretException extends ProtocolException {
    public InvalidSecretException(String message) {
        super(message);
    }
}
