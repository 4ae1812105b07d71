package nl.fotadesk.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.fotadesk.protocol.api.BatchError;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place requests are sent and answers read: the bearer value (API key, session or token) on every request, JSON both ways,
 * error answers turned into {@link ApiException}s and network failures into {@link ConnectionException}s,
 * so no OkHttp or Jackson exception reaches callers.
 */
final class ApiTransport {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final MediaType JSON_MEDIA = MediaType.get("application/json");
    /** Error answers are short; a foreign server's error page is read only this far. */
    private static final long MAX_ERROR_BODY = 64 * 1024;

    /** Reads a successful answer's body; Jackson failures mean the answer is not the API's. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(ResponseBody body) throws IOException;
    }

    private final HttpUrl base;
    /** The header value sent, or null before signing in; shared with the long-poll copies. */
    private final AtomicReference<String> authorization;
    private final OkHttpClient http;

    /** @param apiKey the bearer value to send (API key or personal token) */
    ApiTransport(String baseUrl, String apiKey, OkHttpClient http) {
        this(parse(baseUrl), new AtomicReference<>(authorization(apiKey)), http);
    }

    /** A transport that sends no credential until {@link #useBearer}. */
    static ApiTransport signedOut(String baseUrl, OkHttpClient http) {
        return new ApiTransport(parse(baseUrl), new AtomicReference<>(), http);
    }

    private ApiTransport(HttpUrl base, AtomicReference<String> authorization, OkHttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** Sends {@code bearer} from now on (a session or token just obtained); null sends none. */
    void useBearer(String bearer) {
        authorization.set(bearer == null ? null : authorization(bearer));
    }

    private static HttpUrl parse(String baseUrl) {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("\"" + baseUrl
                    + "\" is not a server address such as https://fota.example.com:8443 or http://127.0.0.1:8080");
        }
        return url;
    }

    private static String authorization(String apiKey) {
        if (apiKey == null) {
            throw new IllegalArgumentException("an API key is required");
        }
        String value = "Bearer " + apiKey.trim();
        try {
            new Headers.Builder().add("Authorization", value);
        } catch (IllegalArgumentException e) {
            // OkHttp's message would not say it is about the key; it also keeps the key out of it
            throw new IllegalArgumentException("the API key holds characters that cannot be sent in an HTTP header");
        }
        return value;
    }

    /** The server address for messages, e.g. {@code http://127.0.0.1:8080}. */
    String server() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The same server and key with a longer read timeout, for long polls. */
    ApiTransport withReadTimeout(Duration timeout) {
        return new ApiTransport(base, authorization, http.newBuilder().readTimeout(timeout).build());
    }

    /**
     * {@code /api/v1/<segments>} on the server. Each segment is encoded, so ids and IMEIs cannot break
     * the path; an empty, "." or ".." segment would still change it, so such ids are refused.
     */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1");
        for (String segment : segments) {
            if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not an id or IMEI: "
                        + (segment == null ? "null" : "\"" + segment + "\""));
            }
            url.addPathSegment(segment);
        }
        return url;
    }

    /** Adds the query parameters given as name, value, name, value...; null values are left out. */
    static HttpUrl.Builder params(HttpUrl.Builder url, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                url.addQueryParameter((String) namesAndValues[i], namesAndValues[i + 1].toString());
            }
        }
        return url;
    }

    Request.Builder request(HttpUrl.Builder url) {
        Request.Builder request = new Request.Builder().url(url.build());
        String value = authorization.get();
        return value == null ? request : request.header("Authorization", value);
    }

    <T> T get(HttpUrl.Builder url, JsonType<T> type) {
        return call(request(url), type);
    }

    /** Sends {@code body} as JSON ({@code null}: an empty body). */
    <T> T send(String method, HttpUrl.Builder url, Object body, JsonType<T> type) {
        return call(request(url).method(method, json(body)), type);
    }

    /** As {@link #send(String, HttpUrl.Builder, Object, JsonType)} for routes that answer {@code 204}. */
    void send(String method, HttpUrl.Builder url, Object body) {
        execute(request(url).method(method, json(body)), answer -> null);
    }

    void delete(HttpUrl.Builder url) {
        execute(request(url).delete(), body -> null);
    }

    <T> T call(Request.Builder request, JsonType<T> type) {
        return execute(request, body -> JSON.readValue(body.byteStream(), type.javaType()));
    }

    /** Sends {@code body} as JSON with no credential, whatever the client is signed in with (signing in). */
    <T> T sendWithoutCredential(String method, HttpUrl.Builder url, Object body, JsonType<T> type) {
        return call(new Request.Builder().url(url.build()).method(method, json(body)), type);
    }

    <T> T execute(Request.Builder builder, BodyReader<T> reader) {
        Request request = builder.build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                ApiException e = error(response);
                String sent = request.header("Authorization");
                if (e instanceof UnauthorizedException refused && sent != null && !sent.equals(authorization.get())) {
                    throw refused.replacedMeanwhile();
                }
                throw e;
            }
            try {
                return reader.read(response.body());
            } catch (JacksonException e) {
                throw unexpected(response, e);
            }
        } catch (IOException e) {
            throw ConnectionException.of(server(), e);
        }
    }

    /** {@code body} as a JSON request body ({@code null}: an empty one). */
    static RequestBody json(Object body) {
        try {
            return RequestBody.create(body == null ? new byte[0] : JSON.writeValueAsBytes(body), JSON_MEDIA);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot be sent as JSON: " + body, e);
        }
    }

    /** The API's error answer ({@code ApiError}, or {@code BatchError} with its item errors) as an exception. */
    private static ApiException error(Response response) throws IOException {
        byte[] body = response.peekBody(MAX_ERROR_BODY).bytes();
        try {
            BatchError e = JSON.readValue(body, BatchError.class);
            if (e != null && e.error() != null) {
                return ApiException.of(response.code(), e.error(), e.detail(),
                        e.errors() == null ? List.of() : e.errors(), retryAfter(response), null);
            }
        } catch (JacksonException notJson) {
            // not the API's error format: answered below
        }
        return unexpected(response, null);
    }

    private static ApiException unexpected(Response response, Throwable cause) {
        String status = response.message().isEmpty() ? String.valueOf(response.code())
                : response.code() + " " + response.message();
        return ApiException.of(response.code(), ApiException.UNEXPECTED_RESPONSE,
                "The server answered HTTP " + status + ", which is not an answer of the FOTA Desk API.", List.of(),
                retryAfter(response), cause);
    }

    /**
     * The wait an answer's {@code Retry-After} names in seconds, or null without one. The date form is
     * not read: FOTA Desk servers send seconds, and a wait misread from a proxy's date is worse than none.
     */
    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }
}
