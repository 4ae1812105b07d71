package nl.fotadesk.ui.devices;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Writes an export to a file, all of it or nothing: the lines go to a ".part" file beside it, which
 * replaces the file only once it is complete, so a failed or cancelled export leaves no half file.
 */
final class CsvExport {
    static final int PAGE = 1_000;

    /** What an export writes: the header and its lines, saying how many lines it wrote so far. */
    @FunctionalInterface
    interface Lines {
        void write(CsvWriter out, LongConsumer written, BooleanSupplier cancelled) throws IOException;
    }

    /** A page of the devices to export, as {@code FotaDeskClient.devices} answers it. */
    @FunctionalInterface
    interface DevicePages {
        Page<DeviceView> page(int offset, int limit);
    }

    private CsvExport() {
    }

    /**
     * Writes {@code lines} to {@code file}, separated as spreadsheets in {@code language} expect.
     * @throws CancellationException when {@code cancelled} turned true; the file is then left as it was
     */
    static void write(Path file, Locale language, Lines lines, LongConsumer written, BooleanSupplier cancelled)
            throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(part); CsvWriter out = new CsvWriter(stream, language)) {
                lines.write(out, written, cancelled);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Every device {@code pages} holds, fetched a page at a time, not just the lines the table has loaded.
     * Pages are in IMEI order: a device that moves to an earlier page while the export runs (another was
     * deleted) is not written twice.
     */
    static Lines devices(DeviceCsv csv, DevicePages pages) {
        return (out, written, cancelled) -> {
            out.row(csv.deviceHeader());
            String last = null;
            long count = 0;
            for (int offset = 0; ; offset += PAGE) {
                checkCancelled(cancelled);
                Page<DeviceView> page = pages.page(offset, PAGE);
                for (DeviceView d : page.items()) {
                    if (last == null || d.imei().compareTo(last) > 0) {
                        out.row(csv.device(d));
                        last = d.imei();
                        written.accept(++count);
                    }
                }
                if (page.items().size() < PAGE || offset + PAGE >= page.total()) {
                    return;
                }
            }
        };
    }

    /** The devices of {@code query} on the server, all pages of them. */
    static DevicePages pagesOf(FotaDeskClient client, DeviceQuery query) {
        return (offset, limit) -> client.devices(query.page(offset, limit));
    }

    /** These devices (the operator's selection), as they are. */
    static Lines devices(DeviceCsv csv, List<DeviceView> devices) {
        return (out, written, cancelled) -> {
            out.row(csv.deviceHeader());
            long count = 0;
            for (DeviceView d : devices) {
                out.row(csv.device(d));
                written.accept(++count);
            }
        };
    }

    /**
     * A device's history, oldest first; {@code events} and {@code campaignName} may ask the server
     * (the export runs off the FX thread).
     */
    static Lines history(DeviceCsv csv, HistoryText text, Supplier<List<EventView>> events,
                         Function<String, String> campaignName) {
        return (out, written, cancelled) -> {
            out.row(csv.historyHeader());
            long count = 0;
            for (EventView e : events.get()) {
                checkCancelled(cancelled);
                out.row(csv.history(e, text, campaignName));
                written.accept(++count);
            }
        };
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}
