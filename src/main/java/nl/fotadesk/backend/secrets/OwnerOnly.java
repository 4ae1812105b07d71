package nl.fotadesk.backend.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only access on POSIX file systems: folders {@code 0700}, files {@code 0600}. Where POSIX
 * permissions do not exist (Windows), nothing is changed: the user's profile folders are private there.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Restricts {@code path} itself: {@code 0700} for a folder, {@code 0600} for a file. */
    public static void restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.isDirectory(path) ? FOLDER : FILE);
        }
    }

    /** Restricts {@code folder} and everything in it (files may vanish meanwhile: the database's temporary files). */
    public static void restrictTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return visitFile(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    try {
                        restrict(file);
                    } catch (NoSuchFileException gone) {
                        // deleted while we walked: nothing left to protect
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + folder, e);
        }
    }

    /** True when group or others have any permission on {@code path} (false where POSIX permissions do not exist). */
    public static boolean readableByOthers(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        return view != null && !view.readAttributes().permissions().stream()
                .allMatch(p -> p.name().startsWith("OWNER_"));
    }
}
