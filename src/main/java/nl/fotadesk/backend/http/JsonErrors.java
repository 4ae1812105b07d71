package nl.fotadesk.backend.http;

import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.api.ApiError;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The answers Jetty itself gives (a request it cannot parse, headers too large, a handler that
 * failed) in the API's JSON error shape instead of an HTML page, with {@code Connection: close},
 * because Jetty closes such connections: a client must not send its next request on them.
 */
public final class JsonErrors extends ErrorHandler {
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonBodies.CONTENT_TYPE);
        fields.put(CLOSE);
        return ByteBuffer.wrap(bytes(status, reason));
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(CLOSE);
        byte[] body = bytes(status, status >= 500 ? "the server could not complete the request; its log says why" : message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonBodies.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, "HEAD".equals(request.getMethod()) ? null : ByteBuffer.wrap(body), callback);
    }

    private static byte[] bytes(int status, String reason) {
        try {
            return StrictJson.MAPPER.writeValueAsBytes(new ApiError(code(status), reason == null ? "" : reason));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 408 -> "request_timeout";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            default -> "http_" + status;
        };
    }
}
