package nl.fotadesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When windows appear on the X display, whichever program draws them (the Java launcher's splash screen
 * as well as JavaFX): {@code xev -root} (x11-utils) reports every top-level window as it is mapped, and
 * each report is timed as it arrives. Override-redirect windows (menus, tooltips) are not counted.
 */
final class MappedWindows implements AutoCloseable {
    private final Process xev;
    private final List<Long> mappedNanos = new CopyOnWriteArrayList<>();

    private MappedWindows(Process xev) {
        this.xev = xev;
        Thread reader = new Thread(this::read, "xev-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Watches the display in {@code DISPLAY}; empty when xev cannot be started. */
    static Optional<MappedWindows> watch() {
        try {
            return Optional.of(new MappedWindows(new ProcessBuilder("xev", "-root", "-event", "substructure")
                    .redirectErrorStream(true).start()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** xev prints "MapNotify event, …" and then "…, window 0x…, override NO" for each window mapped. */
    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            long mapped = -1;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("MapNotify")) {
                    mapped = System.nanoTime();
                } else if (mapped >= 0 && line.contains("override NO")) {
                    mappedNanos.add(mapped);
                    mapped = -1;
                } else if (!line.isBlank()) {
                    mapped = -1;
                }
            }
        } catch (IOException e) {
            // xev ended: no more windows to time
        }
    }

    /** The {@link System#nanoTime()} at which the first window since {@code startNanos} was mapped. */
    OptionalLong firstSince(long startNanos) {
        return mappedNanos.stream().mapToLong(Long::longValue).filter(t -> t >= startNanos).findFirst();
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
