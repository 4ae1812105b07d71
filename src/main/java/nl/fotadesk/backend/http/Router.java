package nl.fotadesk.backend.http;

import nl.fotadesk.backend.accounts.Access;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Method + URI-template routing ({@code /api/v1/devices/{imei}}) over Jetty's own template matcher.
 * An unknown path answers 404, a known path with another method 405 (with {@code Allow}); {@code HEAD}
 * is answered wherever {@code GET} is, by the GET route (Jetty sends the head without the body).
 * A route's body is read before the route runs, without holding a thread while the client is silent
 * (see {@link Bodies}), unless the route is added with {@link #addStreamed} and reads it itself.
 * Every route declares its {@link Access}: the caller is authenticated (unless it is public) before
 * the body is read, and one whose role the route does not allow is answered 403.
 */
public final class Router {
    /** The earliest instant a query takes; with {@link Limits#SCHEDULE_LATEST}, what both databases store. */
    private static final Instant EARLIEST_QUERY_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    /** The largest body a route may get (JSON, and CSV imports: 100,000 lines fit easily). */
    public static final int MAX_BODY = 16 * 1024 * 1024;

    @FunctionalInterface
    public interface Route {
        void handle(Exchange exchange) throws Exception;
    }

    /** Who sent the request from {@code source}; refuses (with a domain or HTTP error) one that cannot be authenticated. */
    @FunctionalInterface
    public interface Authenticator {
        Principal authenticate(Request request, String source);
    }

    /** One request being answered, with the path's template parameters. */
    public static final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Map<String, String> pathParams;
        private final Principal principal;
        private final String source;
        private final byte[] body;
        private Fields query;

        Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams,
                 Principal principal, String source, byte[] body) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.pathParams = pathParams;
            this.principal = principal;
            this.source = source;
            this.body = body;
        }

        /** Who sent the request; null on a public route. */
        public Principal principal() {
            return principal;
        }

        /** The address the request came from: the client's, also behind a trusted proxy ({@link TrustedProxies}). */
        public String source() {
            return source;
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

        /**
         * A query parameter; absent and blank both mean "not given" (null). One holding U+0000 is refused
         * ({@code invalid_<name>}, in snake case): it names nothing, and PostgreSQL refuses it even in a comparison.
         */
        public String query(String name) {
            if (query == null) {
                try {
                    query = Request.extractQueryParameters(request);
                } catch (RuntimeException e) {
                    if (e instanceof HttpException bad) { // invalid percent-encoding or UTF-8
                        throw HttpError.badRequest("invalid_query", "the query is not valid: " + bad.getReason());
                    }
                    throw e;
                }
            }
            String value = query.getValue(name);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw Invalid.field(name, name + " may not hold control characters; got U+0000");
            }
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

        /** An ISO-8601 instant query parameter ({@code 2026-12-03T10:00:00Z}), or null when absent. */
        public Instant instantQuery(String name) {
            String value = query(name);
            if (value == null) {
                return null;
            }
            try {
                Instant at = Instant.parse(value);
                if (!at.isBefore(EARLIEST_QUERY_INSTANT) && !at.isAfter(Limits.SCHEDULE_LATEST)) {
                    return at;
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
            throw HttpError.badRequest("invalid_" + name, name + " must be an ISO-8601 instant such as"
                    + " 2026-12-03T10:00:00Z, from " + EARLIEST_QUERY_INSTANT + " to " + Limits.SCHEDULE_LATEST
                    + "; got \"" + value + "\"");
        }

        /** The body as read before the route ran (at most {@link #MAX_BODY} bytes); not for streamed routes. */
        public byte[] bodyBytes() {
            if (body == null) {
                throw new IllegalStateException("a streamed route reads its own body");
            }
            return body;
        }

        /** The JSON body as {@code type}; a 400 that says what and where when it is missing or does not fit. */
        public <T> T body(Class<T> type) {
            return JsonBodies.read(bodyBytes(), type);
        }

        public void json(int status, Object body) {
            JsonBodies.send(response, callback, status, body);
        }

        public void noContent() {
            response.setStatus(204);
            callback.succeeded();
        }

        /** Answers a failure the route met after it returned (reading its body itself): as any route's failure. */
        public void fail(Throwable failure) {
            answer(failure, request, response, callback);
        }
    }

    private record Entry(String method, UriTemplatePathSpec spec, Access access, Route route, boolean streamed) {
    }

    /** A route as "METHOD template" with who may call it. */
    public record RouteRule(String method, String template, Access access) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private final List<Entry> entries = new ArrayList<>();
    private final Authenticator authenticator;
    private final TrustedProxies proxies;

    /** @param proxies whose {@code X-Forwarded-For} names the client a request comes from */
    public Router(Authenticator authenticator, TrustedProxies proxies) {
        this.authenticator = authenticator;
        this.proxies = proxies;
    }

    /** Every route with its access, in order (the API documentation and the authorization test use it). */
    public List<RouteRule> routes() {
        return entries.stream().map(e -> new RouteRule(e.method, e.spec.getDeclaration(), e.access)).toList();
    }

    /** A route that gets its body (at most {@link #MAX_BODY} bytes) read before it runs. */
    public Router add(String method, String template, Access access, Route route) {
        return add(method, template, access, route, false);
    }

    /**
     * A route that reads its own body from {@link Exchange#request()}, for uploads too large to hold
     * in memory; it must not block a thread while the client is silent.
     */
    public Router addStreamed(String method, String template, Access access, Route route) {
        return add(method, template, access, route, true);
    }

    private Router add(String method, String template, Access access, Route route, boolean streamed) {
        entries.add(new Entry(method, new UriTemplatePathSpec(template), access, route, streamed));
        return this;
    }

    /** Finds and runs the route; refusals (the domain's and {@link HttpError}s) become JSON error answers. */
    public void dispatch(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = HttpMethod.HEAD.is(request.getMethod()) ? HttpMethod.GET.asString() : request.getMethod();
        Set<String> allowed = new LinkedHashSet<>();
        for (Entry e : entries) {
            Map<String, String> params = e.spec.getPathParams(path);
            if (params == null) {
                continue;
            }
            params.replaceAll((name, value) -> URIUtil.decodePath(value));
            if (!e.method.equals(method)) {
                allowed.add(e.method);
                continue;
            }
            String source = proxies.clientAddress(request);
            Principal principal;
            try {
                principal = authorized(e, request, source);
            } catch (RuntimeException refused) {
                answer(refused, request, response, callback);
                return;
            }
            if (e.streamed) {
                run(e, new Exchange(request, response, callback, params, principal, source, null));
            } else {
                Bodies.read(request, MAX_BODY).whenComplete((body, failure) -> {
                    if (failure != null) {
                        answer(failure, request, response, callback);
                    } else {
                        run(e, new Exchange(withContent(request, body), response, callback, params, principal, source,
                                body));
                    }
                });
            }
            return;
        }
        if (allowed.isEmpty()) {
            JsonBodies.error(response, callback, 404, "not_found", "no resource at " + path);
            return;
        }
        if (allowed.contains(HttpMethod.GET.asString())) {
            allowed.add(HttpMethod.HEAD.asString());
        }
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
        JsonBodies.error(response, callback, 405, "method_not_allowed", request.getMethod() + " is not allowed on " + path);
    }

    /** The caller, authenticated unless the route is public; refused when the route does not allow their role. */
    private Principal authorized(Entry e, Request request, String source) {
        if (e.access == Access.PUBLIC) {
            return null;
        }
        Principal principal = authenticator.authenticate(request, source);
        if (!e.access.allows(principal)) {
            throw new Forbidden("a " + principal.role().wireName() + " may not " + e.method + " " + e.spec.getDeclaration());
        }
        return principal;
    }

    /**
     * The request with its body, already read, readable again from memory: a route that reads the
     * request's content itself gets it without waiting (an upload larger than {@link #MAX_BODY} must
     * be added with {@link #addStreamed}).
     */
    private static Request withContent(Request request, byte[] body) {
        Content.Source content = Content.Source.from(ByteBuffer.wrap(body));
        return new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                return content.read();
            }

            @Override
            public void demand(Runnable demandCallback) {
                content.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                content.fail(failure);
            }
        };
    }

    private static void run(Entry e, Exchange x) {
        try {
            e.route.handle(x);
        } catch (Exception failure) {
            answer(failure, x.request, x.response, x.callback);
        }
    }

    /** The answer to a route's (or its body's) failure: its refusal's status, 408 for a slow client, else 500. */
    private static void answer(Throwable failure, Request request, Response response, Callback callback) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        Optional<HttpError> refusal = HttpError.refusal(cause);
        HttpError timeout = Bodies.timeoutOf(cause);
        if (refusal.isPresent()) {
            if (refusal.get().status() == 401 && !response.getHeaders().contains(HttpHeader.WWW_AUTHENTICATE)) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            JsonBodies.error(response, callback, refusal.get());
        } else if (timeout != null) {
            JsonBodies.error(response, callback, timeout);
        } else if (cause instanceof EofException) {
            LOG.info("{} {}: the client went away before its request was read", request.getMethod(),
                    Request.getPathInContext(request));
            callback.failed(cause);
        } else {
            LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), cause);
            JsonBodies.error(response, callback, 500, "internal_error",
                    "the server could not complete the request; its log says why");
        }
    }
}
