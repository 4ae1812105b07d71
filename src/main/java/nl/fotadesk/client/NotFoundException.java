package nl.fotadesk.client;

import java.util.List;

/** What was asked for does not exist (404): an unknown id, IMEI or path. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String error, String detail, Throwable cause) {
        super(404, error, detail, List.of(), cause);
    }
}
