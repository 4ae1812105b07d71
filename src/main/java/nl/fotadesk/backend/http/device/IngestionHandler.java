package nl.fotadesk.backend.http.device;

import nl.fotadesk.backend.http.Bodies;
import nl.fotadesk.protocol.MessageToken;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@link Uplinks} on Jetty, for a server without a device port of its own. */
public final class IngestionHandler extends Handler.Abstract {
    private final Uplinks uplinks;

    public IngestionHandler(Uplinks uplinks) {
        this.uplinks = uplinks;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Uplinks.PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!Uplinks.accepts(request.getMethod())) {
            JettyAnswers.write(request, response, callback, Uplinks.methodNotAllowed());
            return true;
        }
        String token = request.getHeaders().get(MessageToken.HEADER);
        // no thread waits for the body: the uplink is handled when it has arrived
        Bodies.read(request, Uplinks.MAX_BODY)
                .thenCompose(body -> uplinks.answer(body, token))
                .exceptionally(Uplinks::refusal)
                .thenAccept(answer -> JettyAnswers.write(request, response, callback, answer));
        return true;
    }
}
