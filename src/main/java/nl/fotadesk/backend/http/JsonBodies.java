package nl.fotadesk.backend.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.api.ApiError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * JSON request and answer bodies of Jetty requests. Request bodies are read strictly ({@link StrictJson}),
 * as docs/api.md promises: one JSON value and nothing after it, and a refusal that says what is wrong
 * and where.
 */
public final class JsonBodies {
    public static final String CONTENT_TYPE = "application/json";
    /** Trailing data is checked by {@link #read} itself, to say where it starts. */
    private static final ObjectReader BODY_READER =
            StrictJson.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /**
     * A request body as {@code type}; a 400 {@code invalid_json} that says what is wrong and where
     * (the field's path, or the line and column) when it is not exactly one JSON value of that shape.
     */
    public static <T> T read(byte[] body, Class<T> type) {
        try (JsonParser parser = StrictJson.MAPPER.createParser(body)) {
            if (parser.nextToken() == null) {
                throw invalidJson("the body is empty; it must be JSON");
            }
            T value = BODY_READER.readValue(parser, type);
            if (value == null) {
                throw invalidJson("the body is null; it must be " + expected(type));
            }
            if (parser.nextToken() != null) {
                throw invalidJson("the body must be one JSON value; more follows" + where(parser.currentTokenLocation()));
            }
            return value;
        } catch (MismatchedInputException e) {
            throw invalidJson(mismatch(e));
        } catch (ValueInstantiationException e) {
            throw invalidJson(unknownValue(e));
        } catch (JsonMappingException e) {
            throw invalidJson(path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw invalidJson("not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            // Reading a byte array fails only through the parser's own exceptions above.
            throw invalidJson("not valid JSON: " + e.getMessage());
        }
    }

    private static String mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        String got = e instanceof InvalidFormatException f
                ? "; got " + (f.getValue() instanceof String v ? Limits.quoted(v) : f.getValue()) : "";
        return target == null ? path(e) + ": " + e.getOriginalMessage() : path(e) + " must be " + expected(target) + got;
    }

    /**
     * A type's own reader refused the value: its reason (an enum's: "unknown role "admin""), and for an
     * enum the values it takes, rather than Jackson's words about the class.
     */
    private static String unknownValue(ValueInstantiationException e) {
        Class<?> type = e.getType().getRawClass();
        String reason = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
        return type.isEnum() ? path(e) + " must be " + expected(type) + "; " + reason : path(e) + ": " + reason;
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(JsonBodies::wire).toList());
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a value";
    }

    /** How an enum constant is written in JSON (its {@code @JsonValue}). */
    private static String wire(Object constant) {
        try {
            return StrictJson.MAPPER.writeValueAsString(constant).replace("\"", "");
        } catch (JsonProcessingException e) {
            return constant.toString();
        }
    }

    /** Where in the body: {@code phases[1].percent}, or "the body" itself. */
    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.isEmpty() ? "the body" : s.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static HttpError invalidJson(String detail) {
        return HttpError.badRequest("invalid_json", detail);
    }

    public static void send(Response response, Callback callback, int status, Object body) {
        try {
            send(response, callback, status, StrictJson.MAPPER.writeValueAsBytes(body));
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
        if (e.retryAfterSeconds() > 0 && !response.getHeaders().contains(HttpHeader.RETRY_AFTER)) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfterSeconds());
        }
        send(response, callback, e.status(), e.body());
    }
}
