package nl.fotadesk.backend.http;

import com.fasterxml.jackson.core.JacksonException;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
    public static final class Exchange {
        private static final int MAX_JSON = 16 * 1024 * 1024;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Map<String, String> pathParams;
        private Fields query;

        Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.pathParams = pathParams;
        }

        public Request request() {
            return request;
        }

        public Response response() {
            return response;
        }

        public Callback callback() {
            return callback;
        }

        public String path(String name) {
            return pathParams.get(name);
        }

        /** A query parameter; absent and blank both mean "not given" (null). */
        public String query(String name) {
            if (query == null) {
                query = Request.extractQueryParameters(request);
            }
            String value = query.getValue(name);
            return value == null || value.isBlank() ? null : value;
        }

        /** A whole-number query parameter in {@code min..max}, or {@code fallback} when absent. */
        public int intQuery(String name, int min, int max, int fallback) {
            String value = query(name);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw HttpError.badRequest("invalid_" + name, name + " must be a whole number from " + min + " to "
                    + max + "; got \"" + value + "\"");
        }

        /** The JSON body as {@code type}; a 400 when it is missing or does not fit. */
        public <T> T body(Class<T> type) throws IOException {
            byte[] body = Bodies.read(request, MAX_JSON);
            try {
                T value = Json.MAPPER.readValue(body, type);
                if (value == null) {
                    throw HttpError.badRequest("invalid_json", "the body must be JSON");
                }
                return value;
            } catch (JacksonException e) {
                throw HttpError.badRequest("invalid_json", "the body is not the expected JSON: " + e.getOriginalMessage());
            }
        }

        public void json(int status, Object body) {
            Json.send(response, callback, status, body);
        }

        public void noContent() {
            response.setStatus(204);
            callback.succeeded();
        }
    }

    private record Entry(String method, UriTemplatePathSpec spec, Route route) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private final List<Entry> entries = new ArrayList<>();

    /** "METHOD template" of every route, in order (the API documentation is checked against it). */
    public List<String> routes() {
        return entries.stream().map(e -> e.method + " " + e.spec.getDeclaration()).toList();
    }

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
            if (params != null) {
                params.replaceAll((name, value) -> URIUtil.decodePath(value));
            }
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (e.method.equals(request.getMethod())) {
                try {
                    e.route.handle(new Exchange(request, response, callback, params));
                } catch (HttpError error) {
                    Json.error(response, callback, error);
                } catch (EofException gone) {
                    LOG.info("{} {}: the client went away before its request was read", request.getMethod(), path);
                    callback.failed(gone);
                } catch (RuntimeException | IOException failure) {
                    LOG.error("{} {} failed", request.getMethod(), path, failure);
                    Json.error(response, callback, 500, "internal_error",
                            "the server could not complete the request; its log says why");
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
