package nl.fotadesk.backend.files;

import nl.fotadesk.backend.http.Bodies;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.protocol.Crc32Hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Firmware images on disk, stored once per SHA-256 (content addressed), served by positional reads
 * from one shared read-only channel per image.
 */
public final class ImageStore implements AutoCloseable {
    /** What an upload stored. */
    public record StoredImage(String sha256, String crc32, long size) {
    }

    private final Path folder;
    private final Map<String, FileChannel> open = new ConcurrentHashMap<>();

    public ImageStore(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /**
     * Streams {@code in} to disk while hashing it; nothing is kept when it exceeds {@code maxBytes}
     * (a 413 {@link nl.fotadesk.backend.http.HttpError}) or fails.
     */
    public StoredImage store(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(folder, "upload-", ".tmp");
        try {
            MessageDigest sha = sha256();
            CRC32 crc = new CRC32();
            long size;
            try (OutputStream out = new DigestOutputStream(new CheckedOutputStream(
                    Files.newOutputStream(temp), crc), sha)) {
                size = copyLimited(in, out, maxBytes);
            }
            if (size == 0) {
                throw HttpError.badRequest("empty_image", "the request body (the firmware image) is empty");
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new StoredImage(hash, Crc32Hex.format(crc.getValue()), size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A channel for positional reads; shared by all requests (FileChannel reads at a position are thread-safe). */
    public FileChannel channel(String sha256) {
        return open.computeIfAbsent(sha256, h -> {
            try {
                return FileChannel.open(path(h), StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void delete(String sha256) throws IOException {
        FileChannel channel = open.remove(sha256);
        if (channel != null) {
            channel.close();
        }
        Files.deleteIfExists(path(sha256));
    }

    /** The image file; read it with its own stream or channel, never the shared one. */
    public Path path(String sha256) {
        return folder.resolve(sha256);
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw Bodies.tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (FileChannel channel : open.values()) {
            channel.close();
        }
        open.clear();
    }
}
