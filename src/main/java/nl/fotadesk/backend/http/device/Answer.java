package nl.fotadesk.backend.http.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.protocol.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A device endpoint's answer as plain data: the status, the header fields (names written exactly so,
 * the vendor's library matches some case-sensitively) and the body, in memory or as a slice of an
 * image file. The rules ({@link FileServer}, {@link Uplinks}) decide it once; the Jetty and the Netty
 * port only write it, so both answer devices alike. {@code Content-Length} and {@code Connection} are
 * the writer's.
 */
public record Answer(int status, List<Field> fields, ByteBuffer content, FileSlice file) {
    private static final Logger LOG = LoggerFactory.getLogger(Answer.class);

    /** One header field. */
    public record Field(String name, String value) {
    }

    /** {@code length} bytes of an image from {@code first}; the channel is shared, never closed by a writer. */
    public record FileSlice(FileChannel channel, long first, long length) {
    }

    public Answer {
        fields = List.copyOf(fields);
    }

    /** The body's length in bytes (also for a HEAD, which is answered without it). */
    public long contentLength() {
        return file != null ? file.length() : content == null ? 0 : content.remaining();
    }

    /** Whether the answer carries a length at all (a 204 has no body and says nothing of one). */
    public boolean hasBody() {
        return status != 204;
    }

    /** The body as JSON. */
    public static Answer json(int status, Object body, Field... fields) {
        try {
            return json(status, StrictJson.MAPPER.writeValueAsBytes(body), fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that are JSON already. */
    public static Answer json(int status, byte[] json, Field... fields) {
        List<Field> all = new ArrayList<>(List.of(fields));
        all.add(new Field("Content-Type", JsonBodies.CONTENT_TYPE));
        return new Answer(status, all, ByteBuffer.wrap(json), null);
    }

    /** An error in the API's JSON shape ({@code {"error":..,"detail":..}}). */
    public static Answer error(int status, String error, String detail, Field... fields) {
        return json(status, new ApiError(error, detail), fields);
    }

    /** A refusal of the domain or the HTTP edge, with {@code Retry-After} when it asks for one. */
    public static Answer of(HttpError e) {
        return e.retryAfterSeconds() > 0
                ? json(e.status(), e.body(), new Field("Retry-After", Integer.toString(e.retryAfterSeconds())))
                : json(e.status(), e.body());
    }

    /** The answer to a failure no rule expected; its cause goes to the log, not to the client. */
    public static Answer internalError(Throwable cause) {
        LOG.error("A device request failed", cause);
        return error(500, "internal_error", "the server could not complete the request; its log says why");
    }

    public static Answer noContent() {
        return new Answer(204, List.of(), null, null);
    }

    /** Any path no device endpoint serves. */
    public static Answer notFound(String path) {
        return error(404, "not_found", "no resource at " + path);
    }
}
