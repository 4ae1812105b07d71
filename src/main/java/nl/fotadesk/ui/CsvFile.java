package nl.fotadesk.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A CSV file ({@link CsvWriter}'s format) written whole, as a {@link WholeFile}. */
public final class CsvFile {
    private CsvFile() {
    }

    /** @param language the app's language: it decides the separator */
    public static void write(Path target, Locale language, List<String> header, List<List<String>> rows) throws IOException {
        WholeFile.write(target, out -> {
            try (CsvWriter csv = new CsvWriter(out, language)) {
                csv.row(header);
                for (List<String> row : rows) {
                    csv.row(row);
                }
            }
        });
    }
}
