package nl.fotadesk.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A CSV file written whole ({@link CsvWriter}'s format): it appears complete or not at all, as it is
 * written beside the target and moved over it.
 */
public final class CsvFile {
    private CsvFile() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".export-", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(temp); CsvWriter csv = new CsvWriter(out)) {
                csv.row(header);
                for (List<String> row : rows) {
                    csv.row(row);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
