package nl.fotadesk.backend.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.fotadesk.protocol.api.ApiError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/** JSON in and out of Jetty requests. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    public static final String CONTENT_TYPE = "application/json";

    private Json() {
    }

    public static void send(Response response, Callback callback, int status, Object body) {
        try {
            send(response, callback, status, MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    public static void send(Response response, Callback callback, int status, byte[] json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    public static void error(Response response, Callback callback, int status, String error, String detail) {
        send(response, callback, status, new ApiError(error, detail));
    }

    public static void error(Response response, Callback callback, HttpError e) {
        send(response, callback, e.status(), e.body());
    }
}
