package nl.fotadesk.backend.files;

import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.protocol.ByteRange;
import nl.fotadesk.protocol.ByteRangeException;
import nl.fotadesk.protocol.Crc32Hex;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32;

/**
 * {@code GET /f/v1/<downloadId>}: the firmware file server of docs/protocol.md §3. Ranged and whole
 * reads come straight from the image file by position; every body carries its CRC-32 in
 * {@code Digest}. A request is answered only once it is counted in the database ({@link Downloads#count}),
 * without holding a thread while it waits for that.
 */
public final class FileServerHandler extends Handler.Abstract {
    public static final String PATH_PREFIX = "/f/v1/";
    private static final String RETRY_AFTER_SECONDS = "1";
    /** Bodies up to this size are read once into memory; larger ones are streamed in two passes. */
    private static final int BUFFERED_BODY = 1 << 20;
    private static final int CHUNK = 64 * 1024;
    private static final HttpField OCTET_STREAM =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    private static final HttpField ACCEPT_RANGES = new PreEncodedHttpField(HttpHeader.ACCEPT_RANGES, "bytes");
    private static final String DIGEST = "Digest";

    private final DownloadTokens tokens;
    private final Downloads downloads;
    private final ImageStore images;

    public FileServerHandler(DownloadTokens tokens, Downloads downloads, ImageStore images) {
        this.tokens = tokens;
        this.downloads = downloads;
        this.images = images;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PATH_PREFIX)) {
            return false;
        }
        String downloadId = path.substring(PATH_PREFIX.length());
        boolean head = "HEAD".equals(request.getMethod());
        if (!head && !"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            JsonBodies.error(response, callback, 405, "method_not_allowed", "the file server answers GET only");
            return true;
        }
        String token = bearerToken(request);
        DownloadTokens.Check check = token == null ? new DownloadTokens.Check.Malformed() : tokens.check(token);
        if (check instanceof DownloadTokens.Check.Malformed) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            JsonBodies.error(response, callback, 401, "unauthorized", "a Bearer token is required");
            return true;
        }
        if (check instanceof DownloadTokens.Check.Invalid) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            JsonBodies.error(response, callback, 401, "invalid_token", "the token is expired or its signature is wrong");
            return true;
        }
        if (!downloadId.equals(((DownloadTokens.Check.Valid) check).downloadId())) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            JsonBodies.error(response, callback, 403, "insufficient_scope", "the token is for another download");
            return true;
        }
        Downloads.Download download = downloads.find(downloadId);
        if (download == null) {
            JsonBodies.error(response, callback, 404, "not_found", "no download " + downloadId);
            return true;
        }
        long size = download.firmware().size();
        ByteRange range;
        try {
            range = ByteRange.resolve(request.getHeaders().get(HttpHeader.RANGE), size).orElse(null);
        } catch (ByteRangeException e) {
            count(download, 0, response, callback, () -> {
                response.getHeaders().put(HttpHeader.CONTENT_RANGE, ByteRange.unsatisfiedContentRange(size));
                JsonBodies.error(response, callback, 416, "range_not_satisfiable", e.getMessage());
            });
            return true;
        }
        long length = range == null ? size : range.length();
        count(download, head ? 0 : length, response, callback, () -> {
            try {
                serve(response, callback, download, range, head);
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
        });
        return true;
    }

    /** Counts the request, then answers it with {@code answer} unless the count refused it. */
    private void count(Downloads.Download download, long bytes, Response response, Callback callback,
                       Runnable answer) {
        try {
            downloads.count(download, bytes).whenComplete((verdict, failure) -> {
                if (!refused(verdict, failure, response, callback)) {
                    answer.run();
                }
            });
        } catch (GroupCommit.Full e) {
            refused(null, e, response, callback);
        }
    }

    /** Answers a request the count did not let through (or could not count); false when it is to be served. */
    private static boolean refused(Downloads.Verdict verdict, Throwable failure, Response response, Callback callback) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof GroupCommit.Full) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
                JsonBodies.error(response, callback, 503, "busy", "too many requests are waiting; try again shortly");
            } else {
                callback.failed(cause);
            }
            return true;
        }
        switch (verdict) {
            case GONE -> JsonBodies.error(response, callback, 410, "gone", "this update was cancelled or replaced");
            case TOO_MANY -> JsonBodies.error(response, callback, 429, "too_many_requests",
                    "a download may be fetched in at most " + Downloads.MAX_REQUESTS_PER_DOWNLOAD + " requests");
            case SERVE -> {
                return false;
            }
        }
        return true;
    }

    private void serve(Response response, Callback callback, Downloads.Download download, ByteRange range,
                       boolean head) throws IOException {
        long size = download.firmware().size();
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        FileChannel file = images.channel(download.firmware().sha256());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(OCTET_STREAM);
        headers.put(ACCEPT_RANGES);
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        if (range != null) {
            response.setStatus(206);
            headers.put(HttpHeader.CONTENT_RANGE, range.contentRange(size));
        } else {
            response.setStatus(200);
        }
        if (length <= BUFFERED_BODY) {
            ByteBuffer body = read(file, first, (int) length);
            headers.put(DIGEST, "crc32=" + Crc32Hex.of(body));
            response.write(true, head ? ByteBuffer.allocate(0) : body, callback);
        } else {
            String crc = range == null ? download.firmware().crc32() : crc32(file, first, length);
            headers.put(DIGEST, "crc32=" + crc);
            if (head) {
                response.write(true, ByteBuffer.allocate(0), callback);
            } else {
                stream(file, first, length, response, callback);
            }
        }
    }

    private static String bearerToken(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null || auth.length() < 8 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("firmware image is shorter than recorded");
            }
        }
        return buffer.flip();
    }

    private static String crc32(FileChannel file, long first, long length) throws IOException {
        CRC32 crc = new CRC32();
        for (long done = 0; done < length; ) {
            ByteBuffer chunk = read(file, first + done, (int) Math.min(CHUNK, length - done));
            done += chunk.remaining();
            crc.update(chunk);
        }
        return Crc32Hex.format(crc.getValue());
    }

    /** Writes a large body chunk by chunk, each write continuing when the previous one completed. */
    private static void stream(FileChannel file, long first, long length, Response response, Callback callback) {
        new IteratingCallback() {
            private long done;

            @Override
            protected Action process() throws IOException {
                if (done == length) {
                    return Action.SUCCEEDED;
                }
                int n = (int) Math.min(CHUNK, length - done);
                ByteBuffer chunk = read(file, first + done, n);
                done += n;
                response.write(done == length, chunk, this);
                return Action.SCHEDULED;
            }

            @Override
            protected void onCompleteSuccess() {
                callback.succeeded();
            }

            @Override
            protected void onCompleteFailure(Throwable cause) {
                callback.failed(cause);
            }
        }.iterate();
    }
}
