package nl.fotadesk.backend.api;

import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.secrets.ApiKeys;
import nl.fotadesk.backend.secrets.AuthFailureLimit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The management REST API under {@code /api/v1}, behind the API key. A source address with too many
 * failed authentications is answered {@code 429} until its window ends, whatever key it presents.
 */
public final class ManagementApi extends Handler.Abstract {
    public static final String PREFIX = "/api/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementApi.class);

    private final ApiKeys keys;
    private final AuthFailureLimit failures;
    private final Router router = new Router();

    public ManagementApi(ApiKeys keys, AuthFailureLimit failures, List<Routes> routes) {
        this.keys = keys;
        this.failures = failures;
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
        String source = AuthFailureLimit.source(Request.getRemoteAddr(request));
        Optional<Duration> blocked = failures.blockedFor(source);
        if (blocked.isPresent()) {
            tooMany(response, callback, blocked.get(), "too many failed authentications from this address");
            return true;
        }
        switch (keys.check(bearer(request))) {
            case ACCEPTED -> {
            }
            case BUSY -> {
                tooMany(response, callback, Duration.ofSeconds(1), "too many API keys are being checked; try again");
                return true;
            }
            case REJECTED -> {
                int count = failures.failed(source);
                // Never the presented key: only where the attempt came from.
                LOG.warn("Failed authentication on the management API from {} ({} of {} allowed in {}){}", source, count,
                        failures.limit(), failures.window(), count >= failures.limit() ? "; refused with 429 until the window ends" : "");
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                JsonBodies.error(response, callback, 401, "unauthorized", "a valid API key is required: Authorization: Bearer <key>");
                return true;
            }
        }
        router.dispatch(request, response, callback);
        return true;
    }

    private static void tooMany(Response response, Callback callback, Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
        JsonBodies.error(response, callback, 429, "too_many_requests", detail + "; retry after " + seconds + " s");
    }

    private static String bearer(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }
}
