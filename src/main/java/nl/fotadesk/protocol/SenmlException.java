package nl.fotadesk.protocol;

/** A body that is not valid SenML (RFC 8428) as this protocol accepts it. */
public class SenmlException extends ProtocolException {
    public SenmlException(String message) {
        super(message);
    }
}
