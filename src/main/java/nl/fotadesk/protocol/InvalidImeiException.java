package nl.fotadesk.protocol;

/** An IMEI, or a device base name holding one, that is not valid. */
public class InvalidImeiException extends ProtocolException {
    public InvalidImeiException(String message) {
        super(message);
    }
}
