package nl.fotadesk.backend.http.device;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@link FileServer} on Jetty, for a server without a device port of its own. */
public final class FileServerHandler extends Handler.Abstract {
    private final FileServer files;

    public FileServerHandler(FileServer files) {
        this.files = files;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(FileServer.PATH_PREFIX)) {
            return false;
        }
        files.answer(request.getMethod(), path, request.getHeaders().get(HttpHeader.AUTHORIZATION),
                        request.getHeaders().get(HttpHeader.RANGE))
                .thenAccept(answer -> JettyAnswers.write(request, response, callback, answer));
        return true;
    }
}
