package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Firmware images: stored in the database (content addressed by SHA-256, in chunks) so every node
 * can serve every image, and cached in this node's folder, filled from the database on first use.
 * A cached file is proven by its SHA-256 before use and every read from it is checked
 * ({@link VerifiedImageChannel}), so a node never serves bytes it cannot verify. Small images are
 * held in memory once proven ({@link HeldImageChannel}): their parts cost no read from the disk.
 */
public final class ImageStore implements AutoCloseable {
    /** What an upload received. */
    public record StoredImage(String sha256, String crc32, long size) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);
    /** Bytes per database chunk: large enough for few rows, small enough to hold one per reader. */
    static final int CHUNK = 256 * 1024;
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern CACHED = Pattern.compile("[0-9a-f]{64}");
    /**
     * Images up to this size are held in memory, as long as all held stay within {@link #heldBudget}:
     * it bounds what one image takes of the budget (a cellular module's application image is commonly
     * this small); larger ones are read from the verified disk cache.
     */
    static final int HELD_IMAGE_MAX = 512 * 1024;
    /** All images held in memory together: a sixteenth of the heap. */
    private final long heldBudget = Runtime.getRuntime().maxMemory() / 16;
    private final AtomicLong held = new AtomicLong();

    private final Path folder;
    private final Jdbc jdbc;
    private final FirmwareStore db;
    private final Map<String, ImageChannel> open = new ConcurrentHashMap<>();

    private ImageStore(Path folder, Jdbc jdbc, FirmwareStore db) {
        this.folder = folder;
        this.jdbc = jdbc;
        this.db = db;
    }

    /**
     * The store with its cache in {@code folder}, cleaned: partial files of uploads and fetches cut
     * off by a crash are removed, images only this folder held (before the database kept images) are
     * stored in the database, and cached images the database no longer holds are removed.
     */
    public static ImageStore open(Path folder, Jdbc jdbc, FirmwareStore db) throws IOException {
        ImageStore images = new ImageStore(Files.createDirectories(folder), jdbc, db);
        images.removeTemporaryFiles();
        images.storeImagesOnlyCached();
        images.removeImagesNotStored();
        return images;
    }

    /** A new upload of at most {@code maxBytes}, received into a temporary file of this folder. */
    public ImageUpload receive(long maxBytes) throws IOException {
        return new ImageUpload(Files.createTempFile(folder, "upload-", TEMP_SUFFIX), maxBytes);
    }

    /**
     * Stores a finished upload in the database, streamed chunk by chunk, unless the database holds
     * these bytes already (then they are shared and locked until the caller's transaction ends). Run
     * it in the transaction that records the firmware, so both or neither are kept.
     *
     * @throws StoreException with {@link StoreException#isDuplicateKey()} when a concurrent upload of
     *                        the same bytes stored them first: run the transaction again
     */
    public void persist(ImageUpload upload) throws IOException {
        StoredImage image = upload.image();
        persist(image.sha256(), image.size(), upload.file());
    }

    /**
     * After the firmware's transaction committed: the upload's file becomes this node's cached copy.
     * Only a saving: when the move fails the image is fetched from the database on first use.
     */
    public void cache(ImageUpload upload) {
        try {
            Files.move(upload.file(), path(upload.image().sha256()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not keep the uploaded image {} in the cache; it is fetched when needed",
                    upload.image().sha256(), e);
        }
    }

    /**
     * A verified read-only channel on the image for positional reads, shared by all requests; the
     * image is fetched from the database when this node has no good copy.
     *
     * @throws UncheckedIOException when neither the database nor the cache holds the image
     */
    public FileChannel channel(String sha256) {
        FileChannel channel = open.get(sha256);
        return channel != null ? channel : open.computeIfAbsent(sha256, this::openVerified);
    }

    /** Removes this node's cached copy (after the database's copy was deleted). */
    public void delete(String sha256) throws IOException {
        FileChannel channel = open.remove(sha256);
        if (channel != null) {
            channel.close();
            if (channel instanceof HeldImageChannel) {
                held.addAndGet(-channel.size());
            }
        }
        Files.deleteIfExists(path(sha256));
    }

    /** A new channel on the cached file, fetched again first when the old one was found {@code corrupt}. */
    FileChannel reopen(String sha256, boolean corrupt) throws IOException {
        if (corrupt) {
            LOG.warn("The cached copy of firmware image {} is damaged; fetching it again from the database", sha256);
            fetch(sha256);
        }
        return FileChannel.open(path(sha256), StandardOpenOption.READ);
    }

    private ImageChannel openVerified(String sha256) {
        try {
            ImageDigest.Result proven = provenCached(sha256).orElse(null);
            if (proven == null) {
                proven = fetch(sha256);
            }
            Optional<HeldImageChannel> inMemory = hold(sha256, proven.size());
            if (inMemory.isPresent()) {
                return inMemory.get();
            }
            return new VerifiedImageChannel(this, sha256, proven, FileChannel.open(path(sha256),
                    StandardOpenOption.READ));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image in memory when it is small enough and the budget has room, read from the proven cached
     * file and proven again (the file may have changed since).
     */
    private Optional<HeldImageChannel> hold(String sha256, long size) throws IOException {
        if (size > HELD_IMAGE_MAX) {
            return Optional.empty();
        }
        if (held.addAndGet(size) > heldBudget) {
            held.addAndGet(-size);
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(path(sha256));
        ImageDigest digest = new ImageDigest();
        digest.update(bytes, 0, bytes.length);
        if (!digest.finish().sha256().equals(sha256)) {
            held.addAndGet(-size);
            return Optional.empty(); // the verified channel finds the damage and fetches the image again
        }
        return Optional.of(new HeldImageChannel(bytes));
    }

    /** The cached file's checksums when its SHA-256 is its name; empty when it is missing or damaged. */
    private Optional<ImageDigest.Result> provenCached(String sha256) throws IOException {
        Path file = path(sha256);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ImageDigest digest = new ImageDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        ImageDigest.Result result = digest.finish();
        if (result.sha256().equals(sha256)) {
            return Optional.of(result);
        }
        LOG.warn("The cached copy of firmware image {} does not match its SHA-256; fetching it again", sha256);
        return Optional.empty();
    }

    /** Copies the image from the database into the cache; the copy replaces the cached file only when proven. */
    private ImageDigest.Result fetch(String sha256) throws IOException {
        Path temp = Files.createTempFile(folder, "fetch-", TEMP_SUFFIX);
        try {
            ImageDigest digest = new ImageDigest();
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int index = 0; ; index++) {
                    Optional<byte[]> chunk = db.chunk(sha256, index);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    digest.update(chunk.get(), 0, chunk.get().length);
                    out.write(chunk.get());
                }
            }
            ImageDigest.Result result = digest.finish();
            if (result.size() == 0) {
                throw new NoSuchFileException("firmware image " + sha256 + " is neither in the database nor cached");
            }
            if (!result.sha256().equals(sha256)) {
                throw new IOException("the database's copy of firmware image " + sha256
                        + " does not match its SHA-256");
            }
            Files.move(temp, path(sha256), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void persist(String sha256, long size, Path file) throws IOException {
        if (db.lockImage(sha256)) {
            return;
        }
        db.insertImage(sha256, size);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK];
            int index = 0;
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; index++) {
                db.insertChunk(sha256, index, n == CHUNK ? chunk : Arrays.copyOf(chunk, n));
            }
        }
    }

    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                LOG.info("Removing {} ({} bytes), left by an upload or fetch that did not finish", temp.getFileName(),
                        Files.size(temp));
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Images uploaded before the database held images live only in the folder of the node that took them. */
    private void storeImagesOnlyCached() throws IOException {
        for (String sha256 : db.imagesNotStored()) {
            Optional<ImageDigest.Result> proven = provenCached(sha256);
            if (proven.isEmpty()) {
                LOG.warn("Firmware image {} is neither in the database nor in {}; upload it again", sha256, folder);
                continue;
            }
            try {
                jdbc.inTransaction(() -> {
                    try {
                        persist(sha256, proven.get().size(), path(sha256));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                LOG.info("Stored firmware image {} from {} in the database", sha256, folder);
            } catch (StoreException e) {
                if (!e.isDuplicateKey()) {
                    throw e;
                }
                // another node stored the same image at the same moment
            }
        }
    }

    private void removeImagesNotStored() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> CACHED.matcher(f.getFileName().toString()).matches())) {
            for (Path file : files) {
                if (!db.imageStored(file.getFileName().toString())) {
                    LOG.info("Removing cached firmware image {}: the database no longer holds it", file.getFileName());
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path path(String sha256) {
        return folder.resolve(sha256);
    }

    @Override
    public void close() throws IOException {
        for (FileChannel channel : open.values()) {
            channel.close();
        }
        open.clear();
        held.set(0);
    }
}
