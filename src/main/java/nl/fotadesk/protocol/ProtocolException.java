package nl.fotadesk.protocol;

/**
 * The one error type the protocol parsers throw: callers catch this (or a subclass) and turn it into
 * a 4xx answer, so no other exception may escape a parser, whatever the input.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
