package nl.fotadesk.client;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A request body streamed in chunks from a file or stream, never held in memory whole, reporting the
 * bytes sent so far after each chunk.
 */
final class StreamBody extends RequestBody {
    private static final int CHUNK = 64 * 1024;

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private final MediaType type;
    private final long length;
    private final Opener opener;
    private final boolean oneShot;
    private final LongConsumer progress;

    private StreamBody(MediaType type, long length, Opener opener, boolean oneShot, LongConsumer progress) {
        this.type = type;
        this.length = length;
        this.opener = opener;
        this.oneShot = oneShot;
        this.progress = progress;
    }

    /** The file's content with its length known up front (the server checks it before reading). */
    static StreamBody of(Path file, MediaType type, LongConsumer progress) {
        long size = LocalFiles.local(() -> Files.size(file));
        return new StreamBody(type, size, () -> Files.newInputStream(file), false, progress);
    }

    /** The rest of {@code in}, sent chunked; it can be sent only once. */
    static StreamBody of(InputStream in, MediaType type) {
        return new StreamBody(type, -1, () -> in, true, sent -> {
        });
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean isOneShot() {
        return oneShot;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        byte[] chunk = new byte[CHUNK];
        long sent = 0;
        try (InputStream in = LocalFiles.input(LocalFiles.local(opener::open))) {
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                sink.write(chunk, 0, n);
                // flushed so that the progress counts bytes handed to the connection, not buffered
                sink.flush();
                sent += n;
                progress.accept(sent);
            }
        }
    }
}
