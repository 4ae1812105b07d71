package nl.fotadesk.client;

import java.util.List;

/** The server failed to handle the request (5xx); trying again later may help. */
public final class ServerException extends ApiException {
    public ServerException(int status, String error, String detail, Throwable cause) {
        super(status, error, detail, List.of(), cause);
    }
}
