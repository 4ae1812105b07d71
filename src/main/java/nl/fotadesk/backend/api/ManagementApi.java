package nl.fotadesk.backend.api;

import com.fasterxml.jackson.core.JacksonException;
import nl.fotadesk.backend.devices.DeviceService;
import nl.fotadesk.backend.firmware.FirmwareService;
import nl.fotadesk.backend.http.Bodies;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.Json;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.protocol.api.DesiredFirmware;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.NewDevice;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.InputStream;
import java.util.Arrays;

/** The management REST API under {@code /api/v1}, behind the API key. */
public final class ManagementApi extends Handler.Abstract {
    public static final String PREFIX = "/api/v1/";
    private static final int MAX_JSON = 16 * 1024 * 1024;
    private static final int MAX_PAGE = 1000;

    private final ApiKeys keys;
    private final Router router = new Router();

    public ManagementApi(ApiKeys keys, DeviceService devices, FirmwareService firmware) {
        this.keys = keys;
        router.add("POST", "/api/v1/devices", x -> x.json(201, devices.register(body(x.request(), NewDevice.class))))
                .add("GET", "/api/v1/devices", x -> {
                    Fields q = Request.extractQueryParameters(x.request());
                    DeviceFilter filter = new DeviceFilter(param(q, "client"), param(q, "deviceType"),
                            status(param(q, "status")), param(q, "firmware"));
                    x.json(200, devices.page(filter, intParam(q, "offset", 0, Integer.MAX_VALUE, 0),
                            intParam(q, "limit", 1, MAX_PAGE, 50)));
                })
                .add("POST", "/api/v1/devices/bulk", x -> x.json(201,
                        devices.registerAll(Arrays.asList(body(x.request(), NewDevice[].class)))))
                .add("GET", "/api/v1/devices/{imei}", x -> x.json(200, devices.get(x.path("imei"))))
                .add("PUT", "/api/v1/devices/{imei}/desired", x -> x.json(200,
                        devices.setDesired(x.path("imei"), body(x.request(), DesiredFirmware.class).firmwareId())))
                .add("POST", "/api/v1/firmware", x -> {
                    Fields q = Request.extractQueryParameters(x.request());
                    try (InputStream in = Request.asInputStream(x.request())) {
                        x.json(201, firmware.upload(q.getValue("deviceType"), q.getValue("version"),
                                x.request().getHeaders().getLongField(HttpHeader.CONTENT_LENGTH), in));
                    }
                })
                .add("GET", "/api/v1/firmware", x -> x.json(200, firmware.list()))
                .add("GET", "/api/v1/firmware/{id}", x -> x.json(200, firmware.get(x.path("id"))));
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

    private static <T> T body(Request request, Class<T> type) throws Exception {
        byte[] body = Bodies.read(request, MAX_JSON);
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw HttpError.badRequest("invalid_json", "the body must be a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw HttpError.badRequest("invalid_json", "the body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /** A query parameter; absent and empty both mean "not given". */
    private static String param(Fields q, String name) {
        String value = q.getValue(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static DeviceStatus status(String value) {
        try {
            return value == null ? null : DeviceStatus.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("invalid_status", e.getMessage());
        }
    }

    private static int intParam(Fields q, String name, int min, int max, int fallback) {
        String value = q.getValue(name);
        if (value == null || value.isEmpty()) {
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
        throw HttpError.badRequest("invalid_" + name, name + " must be a whole number from " + min + " to " + max
                + "; got \"" + value + "\"");
    }
}
