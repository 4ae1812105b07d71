package nl.fotadesk.client;

import java.util.List;

/** The API key was not accepted (401). */
public final class UnauthorizedException extends ApiException {
    public UnauthorizedException(String error, String detail, Throwable cause) {
        super(401, error, detail, List.of(), cause);
    }
}
