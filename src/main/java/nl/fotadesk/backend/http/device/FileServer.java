package nl.fotadesk.backend.http.device;

import nl.fotadesk.backend.files.DownloadTokens;
import nl.fotadesk.backend.files.Downloads;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.protocol.ByteRange;
import nl.fotadesk.protocol.ByteRangeException;
import nl.fotadesk.protocol.Crc32Hex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;

/**
 * {@code GET|HEAD /f/v1/<downloadId>}: the firmware file server of docs/protocol.md §3, whatever HTTP
 * server carries it. Ranged and whole reads come straight from the image file by position; every body
 * carries its CRC-32 in {@code Digest}. A request is answered only once it is counted
 * ({@link Downloads#count}: in the node's journal on disk, from an allowance leased from the database),
 * and no thread waits for a database for that.
 */
public final class FileServer {
    public static final String PATH_PREFIX = "/f/v1/";
    private static final String RETRY_AFTER_SECONDS = "1";
    /** Bodies up to this size are read once into memory; larger ones are sent from the file in two passes. */
    private static final int BUFFERED_BODY = 1 << 20;
    private static final int CHUNK = 64 * 1024;
    private static final Answer.Field OCTET_STREAM = new Answer.Field("Content-Type", "application/octet-stream");
    private static final Answer.Field ACCEPT_RANGES = new Answer.Field("Accept-Ranges", "bytes");
    private static final Answer.Field ALLOW = new Answer.Field("Allow", "GET, HEAD");

    private final DownloadTokens tokens;
    private final Downloads downloads;
    private final ImageStore images;
    private final Executor lookups;

    /** @param lookups where a download not in memory is read from the database (a thread that may block) */
    public FileServer(DownloadTokens tokens, Downloads downloads, ImageStore images, Executor lookups) {
        this.tokens = tokens;
        this.downloads = downloads;
        this.images = images;
        this.lookups = lookups;
    }

    /**
     * The answer to a request for {@code path} (which starts with {@link #PATH_PREFIX}) with these
     * {@code Authorization} and {@code Range} headers (null when absent). It does not block unless the
     * download is not in memory, and then only on {@code lookups}. It never fails: a failure nobody
     * expected is answered as {@link Answer#internalError}.
     */
    public CompletableFuture<Answer> answer(String method, String path, String authorization, String rangeHeader) {
        return decide(method, path, authorization, rangeHeader).exceptionally(failure -> Answer.internalError(
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
    }

    private CompletableFuture<Answer> decide(String method, String path, String authorization, String rangeHeader) {
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            return done(Answer.error(405, "method_not_allowed", "the file server answers GET only", ALLOW));
        }
        String downloadId = path.substring(PATH_PREFIX.length());
        String token = bearerToken(authorization);
        DownloadTokens.Check check = token == null ? new DownloadTokens.Check.Malformed() : tokens.check(token);
        if (check instanceof DownloadTokens.Check.Malformed) {
            return done(Answer.error(401, "unauthorized", "a Bearer token is required",
                    new Answer.Field("WWW-Authenticate", "Bearer")));
        }
        if (check instanceof DownloadTokens.Check.Invalid) {
            return done(Answer.error(401, "invalid_token", "the token is expired or its signature is wrong",
                    new Answer.Field("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        }
        if (!downloadId.equals(((DownloadTokens.Check.Valid) check).downloadId())) {
            return done(Answer.error(403, "insufficient_scope", "the token is for another download",
                    new Answer.Field("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")));
        }
        Downloads.Download known = downloads.remembered(downloadId);
        return known != null ? answer(known, rangeHeader, head)
                : CompletableFuture.supplyAsync(() -> downloads.find(downloadId), lookups).thenCompose(download ->
                        download == null ? done(Answer.error(404, "not_found", "no download " + downloadId))
                                : answer(download, rangeHeader, head));
    }

    private CompletableFuture<Answer> answer(Downloads.Download download, String rangeHeader, boolean head) {
        long size = download.firmware().size();
        ByteRange range;
        try {
            range = ByteRange.resolve(rangeHeader, size).orElse(null);
        } catch (ByteRangeException e) {
            return count(download, 0).thenApply(refusal -> refusal != null ? refusal
                    : Answer.error(416, "range_not_satisfiable", e.getMessage(),
                    new Answer.Field("Content-Range", ByteRange.unsatisfiedContentRange(size))));
        }
        long length = range == null ? size : range.length();
        return count(download, head ? 0 : length).thenApply(refusal -> {
            if (refusal != null) {
                return refusal;
            }
            try {
                return serve(download, range);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Counts the request: completes with null when it is to be served, else with the refusal. */
    private CompletableFuture<Answer> count(Downloads.Download download, long bytes) {
        CompletableFuture<Downloads.Verdict> verdict;
        try {
            verdict = downloads.count(download, bytes);
        } catch (GroupCommit.Full e) {
            return done(busy());
        }
        return verdict.handle((v, failure) -> {
            if (failure == null) {
                return refusal(v);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof GroupCommit.Full) {
                return busy();
            }
            throw new CompletionException(cause);
        });
    }

    private static Answer busy() {
        return Answer.error(503, "busy", "too many requests are waiting; try again shortly",
                new Answer.Field("Retry-After", RETRY_AFTER_SECONDS));
    }

    private static Answer refusal(Downloads.Verdict verdict) {
        return switch (verdict) {
            case GONE -> Answer.error(410, "gone", "this update was cancelled or replaced");
            case TOO_MANY -> Answer.error(429, "too_many_requests",
                    "a download may be fetched in at most " + Downloads.MAX_REQUESTS_PER_DOWNLOAD + " requests");
            case SERVE -> null;
        };
    }

    /** 200 or 206 with the part, its CRC-32 computed from what is sent. */
    private Answer serve(Downloads.Download download, ByteRange range) throws IOException {
        long size = download.firmware().size();
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        FileChannel file = images.channel(download.firmware().sha256());
        List<Answer.Field> fields = new ArrayList<>(5);
        fields.add(OCTET_STREAM);
        fields.add(ACCEPT_RANGES);
        if (range != null) {
            fields.add(new Answer.Field("Content-Range", range.contentRange(size)));
        }
        int status = range == null ? 200 : 206;
        if (length <= BUFFERED_BODY) {
            ByteBuffer body = read(file, first, (int) length);
            fields.add(new Answer.Field("Digest", "crc32=" + Crc32Hex.of(body)));
            return new Answer(status, fields, body, null);
        }
        String crc = range == null ? download.firmware().crc32() : crc32(file, first, length);
        fields.add(new Answer.Field("Digest", "crc32=" + crc));
        return new Answer(status, fields, null, new Answer.FileSlice(file, first, length));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** {@code length} bytes of {@code file} from {@code position}, by a positional read. */
    public static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("firmware image is shorter than recorded");
            }
        }
        return buffer.flip();
    }

    /** The next piece of a {@link Answer.FileSlice} to write, {@code done} bytes into it. */
    public static ByteBuffer chunk(Answer.FileSlice slice, long done) throws IOException {
        return read(slice.channel(), slice.first() + done, (int) Math.min(CHUNK, slice.length() - done));
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

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
