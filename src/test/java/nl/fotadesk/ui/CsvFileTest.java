package nl.fotadesk.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV as spreadsheets read it: BOM, header, the separator of the language, quoting, CRLF, no formulas from data. */
class CsvFileTest {
    @TempDir
    Path dir;

    @Test
    void writesUtf8WithBomHeaderAndQuotedFields() throws Exception {
        Path file = dir.resolve("out.csv");
        CsvFile.write(file, I18n.ENGLISH, List.of("name", "note"), List.of(List.of("Zoë, \"pilot\"", "=1+1"), List.of("plain", "")));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("name,note\r\n\"Zoë, \"\"pilot\"\"\",'=1+1\r\nplain,\r\n");
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void separatesFieldsBySemicolonsInDutchAsDutchExcelExpects() throws Exception {
        Path file = dir.resolve("uit.csv");
        CsvFile.write(file, I18n.DUTCH, List.of("naam", "bedrag"), List.of(List.of("Zoë; pilot", "1,5"), List.of("a, b", "")));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("naam;bedrag\r\n\"Zoë; pilot\";1,5\r\na, b;\r\n");
    }
}
