package nl.fotadesk.backend.http;

import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Method + URI-template routing ({@code /api/v1/devices/{imei}}) over Jetty's own template matcher.
 * An unknown path answers 404, a known path with another method 405.
 */
public final class Router {
    @FunctionalInterface
    public interface Route {
        void handle(Exchange exchange) throws Exception;
    }

    /** One request being answered, with the path's template parameters. */
    public record Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams) {
        public String path(String name) {
            return pathParams.get(name);
        }

        public void json(int status, Object body) {
            Json.send(response, callback, status, body);
        }
    }

    private record Entry(String method, UriTemplatePathSpec spec, Route route) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Router add(String method, String template, Route route) {
        entries.add(new Entry(method, new UriTemplatePathSpec(template), route));
        return this;
    }

    /** Finds and runs the route; {@link HttpError}s become JSON error answers. */
    public void dispatch(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean pathKnown = false;
        for (Entry e : entries) {
            Map<String, String> params = e.spec.getPathParams(path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (e.method.equals(request.getMethod())) {
                try {
                    e.route.handle(new Exchange(request, response, callback, params));
                } catch (HttpError error) {
                    Json.error(response, callback, error);
                }
                return;
            }
        }
        if (pathKnown) {
            Json.error(response, callback, 405, "method_not_allowed", request.getMethod() + " is not allowed on " + path);
        } else {
            Json.error(response, callback, 404, "not_found", "no resource at " + path);
        }
    }
}
