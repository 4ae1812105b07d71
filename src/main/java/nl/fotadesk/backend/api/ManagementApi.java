package nl.fotadesk.backend.api;

import nl.fotadesk.backend.accounts.Accounts;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.http.TrustedProxies;
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
 * The management REST API under {@code /api/v1}. A caller is a signed-in user (a session), a user's
 * personal API token, or the server's API key (an operator for automation); each route says which
 * roles it allows. A source address with too many failed authentications is answered {@code 429}
 * until its window ends, whatever it presents. Behind a trusted proxy the source is the client's
 * address from {@code X-Forwarded-For} ({@link TrustedProxies}), for the limit and the audit trail.
 */
public final class ManagementApi extends Handler.Abstract {
    public static final String PREFIX = "/api/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementApi.class);

    private final ApiKeys keys;
    private final Accounts accounts;
    private final AuthFailureLimit failures;
    private final Router router;

    public ManagementApi(ApiKeys keys, Accounts accounts, AuthFailureLimit failures, TrustedProxies proxies,
                         List<Routes> routes) {
        this.keys = keys;
        this.accounts = accounts;
        this.failures = failures;
        this.router = new Router(this::authenticate, proxies);
        routes.forEach(r -> r.register(router));
    }

    /** Every route with who may call it. */
    public List<Router.RouteRule> routes() {
        return router.routes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Request.getPathInContext(request).startsWith(PREFIX)) {
            return false;
        }
        router.dispatch(request, response, callback);
        return true;
    }

    private Principal authenticate(Request request, String address) {
        String source = AuthFailureLimit.source(address);
        Optional<Duration> blocked = failures.blockedFor(source);
        if (blocked.isPresent()) {
            throw tooMany(blocked.get(), "too many failed authentications from this address");
        }
        String bearer = bearer(request);
        if (Accounts.isAccountToken(bearer)) {
            return accounts.authenticate(bearer, address).orElseThrow(() -> failed(source,
                    "the session or token is not valid: it expired, was signed out or revoked, or its user is disabled"));
        }
        return switch (keys.check(bearer)) {
            case ACCEPTED -> Principal.apiKey(address);
            case BUSY -> throw tooMany(Duration.ofSeconds(1), "too many API keys are being checked; try again");
            case REJECTED -> throw failed(source, "sign in, or give a valid API key or token: Authorization: Bearer <value>");
        };
    }

    private HttpError failed(String source, String detail) {
        int count = failures.failed(source);
        // Never what was presented: only where the attempt came from.
        LOG.warn("Failed authentication on the management API from {} ({} of {} allowed in {}){}", source, count,
                failures.limit(), failures.window(), count >= failures.limit() ? "; refused with 429 until the window ends" : "");
        return new HttpError(401, "unauthorized", detail);
    }

    private static HttpError tooMany(Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return HttpError.tooManyRequests(detail + "; retry after " + seconds + " s", (int) seconds);
    }

    /** The bearer value of the request, or null. */
    public static String bearer(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }
}
