package nl.fotadesk.backend.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
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
 * JSON in and out of Jetty requests. Request bodies are read strictly, as docs/api.md promises: one
 * JSON value and nothing after it, no field twice in an object, and no value of another JSON type
 * taken for the expected one (no 50.5 for a whole number, no 123 for a string, no "5" for a number).
 */
public final class Json {
    public static final ObjectMapper MAPPER = strict(JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, true)
            .build());
    public static final String CONTENT_TYPE = "application/json";
    /** Trailing data is checked by {@link #read} itself, to say where it starts. */
    private static final ObjectReader BODY_READER = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Numbers, booleans and strings are not turned into one another. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /**
     * A request body as {@code type}; a 400 {@code invalid_json} that says what is wrong and where
     * (the field's path, or the line and column) when it is not exactly one JSON value of that shape.
     */
    public static <T> T read(byte[] body, Class<T> type) {
        try (JsonParser parser = MAPPER.createParser(body)) {
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
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Json::wire).toList());
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a value";
    }

    /** How an enum constant is written in JSON (its {@code @JsonValue}). */
    private static String wire(Object constant) {
        try {
            return MAPPER.writeValueAsString(constant).replace("\"", "");
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
