package nl.fotadesk.backend.files;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.protocol.Crc32Hex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * An image being received: written piece by piece to a temporary file in the cache folder while
 * hashed, never held in memory. {@link #close()} removes the file unless the store took it.
 */
public final class ImageUpload implements AutoCloseable {
    private final Path file;
    private final FileChannel out;
    private final long maxBytes;
    private final MessageDigest sha = ImageDigest.newSha256();
    private final CRC32 crc = new CRC32();
    private long size;
    private ImageStore.StoredImage image;

    ImageUpload(Path file, long maxBytes) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        out = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /** Appends {@code data}; a {@link TooLarge} once the image grows past the limit. */
    public void write(ByteBuffer data) throws IOException {
        if (size + data.remaining() > maxBytes) {
            throw TooLarge.body(maxBytes);
        }
        size += data.remaining();
        sha.update(data.duplicate());
        crc.update(data.duplicate());
        while (data.hasRemaining()) {
            out.write(data);
        }
    }

    /** The whole body has arrived: what it is; an {@link Invalid} when it was empty. */
    public ImageStore.StoredImage finish() throws IOException {
        out.close();
        if (size == 0) {
            throw new Invalid("empty_image", "the request body (the firmware image) is empty");
        }
        image = new ImageStore.StoredImage(HexFormat.of().formatHex(sha.digest()), Crc32Hex.format(crc.getValue()),
                size);
        return image;
    }

    ImageStore.StoredImage image() {
        if (image == null) {
            throw new IllegalStateException("the upload is not finished");
        }
        return image;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
