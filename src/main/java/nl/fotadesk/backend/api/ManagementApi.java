package nl.fotadesk.backend.api;

import nl.fotadesk.backend.http.Json;
import nl.fotadesk.backend.http.Router;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/** The management REST API under {@code /api/v1}, behind the API key. */
public final class ManagementApi extends Handler.Abstract {
    public static final String PREFIX = "/api/v1/";

    private final ApiKeys keys;
    private final Router router = new Router();

    public ManagementApi(ApiKeys keys, List<Routes> routes) {
        this.keys = keys;
        routes.forEach(r -> r.register(router));
    }

    /** Every route as "METHOD template". */
    public List<String> routes() {
        return router.routes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Request.getPathInContext(request).startsWith(PREFIX)) {
            return false;
        }
        if (!keys.accepts(bearer(request))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            Json.error(response, callback, 401, "unauthorized", "a valid API key is required: Authorization: Bearer <key>");
            return true;
        }
        router.dispatch(request, response, callback);
        return true;
    }

    private static String bearer(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }
}
