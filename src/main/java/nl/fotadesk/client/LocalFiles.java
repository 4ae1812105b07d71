package nl.fotadesk.client;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reading and writing the caller's files and streams. Their failures surface as
 * {@link UncheckedIOException}s, so a full disk or a missing file is never reported as a network
 * failure (the transport turns every {@link IOException} into a {@link ConnectionException}).
 */
final class LocalFiles {
    private LocalFiles() {
    }

    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    static <T> T local(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies {@code network} to {@code target} through a temporary file beside it, so a broken
     * download leaves no partial target behind.
     * @return the number of bytes written
     */
    static long save(InputStream network, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path part = local(() -> Files.createTempFile(folder, "." + target.getFileName(), ".part"));
        try {
            long size;
            try (OutputStream out = output(local(() -> Files.newOutputStream(part)))) {
                size = network.transferTo(out);
            }
            local(() -> Files.move(part, target, StandardCopyOption.REPLACE_EXISTING));
            return size;
        } finally {
            local(() -> Files.deleteIfExists(part));
        }
    }

    /** {@code in}, with its failures reported as local ones. */
    static InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() {
                return local(super::read);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return local(() -> super.read(b, off, len));
            }

            @Override
            public void close() {
                local(() -> {
                    super.close();
                    return null;
                });
            }
        };
    }

    private static OutputStream output(OutputStream file) {
        return new FilterOutputStream(file) {
            @Override
            public void write(int b) {
                local(() -> {
                    out.write(b);
                    return null;
                });
            }

            @Override
            public void write(byte[] b, int off, int len) {
                local(() -> {
                    out.write(b, off, len);
                    return null;
                });
            }

            @Override
            public void flush() {
                local(() -> {
                    out.flush();
                    return null;
                });
            }

            @Override
            public void close() {
                local(() -> {
                    out.close();
                    return null;
                });
            }
        };
    }
}
