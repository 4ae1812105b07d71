package nl.fotadesk.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A CSV file ({@link CsvWriter}'s format) written whole, as a {@link WholeFile}. */
public final class CsvFile {
    private CsvFile() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        WholeFile.write(target, out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row(header);
                for (List<String> row : rows) {
                    csv.row(row);
                }
            }
        });
    }
}
