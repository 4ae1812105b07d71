package nl.fotadesk.backend.ingest;

import nl.fotadesk.backend.http.Bodies;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.protocol.MessageToken;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.concurrent.CompletionException;

/** {@code POST /ingestion/m2m/senml/v1}: HTTP around {@link Ingestion}. */
public final class IngestionHandler extends Handler.Abstract {
    public static final String PATH = "/ingestion/m2m/senml/v1";
    public static final int MAX_BODY = 64 * 1024;

    private final Ingestion ingestion;

    public IngestionHandler(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            JsonBodies.error(response, callback, 405, "method_not_allowed", "uplinks are sent with POST");
            return true;
        }
        String token = request.getHeaders().get(MessageToken.HEADER);
        // no thread waits for the body: the uplink is handled when it has arrived
        Bodies.read(request, MAX_BODY).thenCompose(body -> ingestion.accept(body, token))
                .whenComplete((downlink, failure) -> {
                    if (failure != null) {
                        answerFailure(response, callback, failure);
                    } else if (downlink.isPresent()) {
                        JsonBodies.send(response, callback, 200, downlink.get());
                    } else {
                        response.setStatus(204);
                        callback.succeeded();
                    }
                });
        return true;
    }

    private static void answerFailure(Response response, Callback callback, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        HttpError.refusal(cause).ifPresentOrElse(e -> JsonBodies.error(response, callback, e),
                () -> callback.failed(cause));
    }
}
