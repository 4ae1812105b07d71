package nl.fotadesk.protocol;

/** A `Range` header that is malformed or not satisfiable (the caller answers 416). */
public class ByteRangeException extends ProtocolException {
    public ByteRangeException(String message) {
        super(message);
    }
}
