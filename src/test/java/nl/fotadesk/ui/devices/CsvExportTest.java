package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the CSV exports write: every matching device page by page, a selection, a history; all or nothing. */
class CsvExportTest {
    @TempDir
    Path folder;

    @Test
    void writesEveryDeviceOfTheFilterPageByPageAsExcelReadsIt() throws IOException {
        List<DeviceView> fleet = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            fleet.add(device(String.format("35000000%07d", i), "acme", null));
        }
        List<Integer> asked = new ArrayList<>();
        List<Long> written = new ArrayList<>();
        Path file = folder.resolve("devices.csv");

        CsvExport.write(file, Locale.ENGLISH, CsvExport.devices(csv(Locale.ENGLISH), (offset, limit) -> {
            asked.add(offset);
            return new Page<>(fleet.subList(Math.min(offset, fleet.size()), Math.min(offset + limit, fleet.size())),
                    fleet.size(), offset, limit);
        }), written::add, () -> false);

        assertThat(asked).containsExactly(0, 1_000, 2_000);
        assertThat(written).hasSize(2_345).endsWith(2_345L);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // the UTF-8 byte order mark
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines).hasSize(1 + 2_345 + 1);
        assertThat(lines[0]).isEqualTo("IMEI,Client,Type,Reported,Desired,Update status,Progress (%),Last result,Last seen");
        assertThat(lines[1]).isEqualTo("350000000000000,acme,tracker-x,1.0.0,2.0.0,Downloading,40,,");
        assertThat(lines[2_345]).startsWith("350000000002344,");
        assertThat(lines[2_346]).isEmpty();
    }

    @Test
    void aDeviceThatMovesToAnEarlierPageMeanwhileIsWrittenOnce() throws IOException {
        List<DeviceView> fleet = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            fleet.add(device(String.format("35000000%07d", i), "acme", null));
        }
        Path file = folder.resolve("devices.csv");
        CsvExport.write(file, Locale.ENGLISH, CsvExport.devices(csv(Locale.ENGLISH), (offset, limit) -> {
            List<DeviceView> now = offset == 0 ? fleet : fleet.subList(1, fleet.size()); // one deleted meanwhile
            return new Page<>(now.subList(Math.min(offset, now.size()), Math.min(offset + limit, now.size())),
                    now.size(), offset, limit);
        }), n -> { }, () -> false);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 1_499).doesNotHaveDuplicates();
    }

    @Test
    void writesASelectionInTheOperatorsLanguageWithTextsQuotedAndNeverAsFormulas() throws IOException {
        String seen = "2026-12-03T13:05:09Z";
        DeviceView odd = new DeviceView("356938035643809", "meter-y", "Müller, \"Noord\"", "1.0.0", "=2+3",
                "fw", DeviceStatus.FAILED, null, 1024L, 5, seen, Map.of(), null);
        Path file = folder.resolve("selection.csv");

        CsvExport.write(file, I18n.DUTCH, CsvExport.devices(csv(I18n.DUTCH), List.of(odd)), n -> { }, () -> false);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // Dutch Excel separates fields by semicolons (a comma is its decimal separator)
        assertThat(lines.get(0)).isEqualTo("\uFEFFIMEI;Klant;Type;Gemeld;Gewenst;Updatestatus;Voortgang (%);"
                + "Laatste resultaat;Laatst gezien");
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(Instant.parse(seen));
        assertThat(lines.get(1)).isEqualTo("356938035643809;\"Müller, \"\"Noord\"\"\";meter-y;1.0.0;'=2+3;Mislukt;;"
                + "Integriteitscontrole mislukt;" + local);
    }

    @Test
    void writesAHistoryWithItsCampaignByNameAndItsDetailsInWords() throws IOException {
        UiContext context = context(I18n.DUTCH);
        List<EventView> events = List.of(
                new EventView(1, "2026-12-03T10:00:00Z", "device", "c-1", 0, "356938035643809", "pending",
                        "campaign \"Meters naar 2.0\", phase 1"),
                new EventView(2, "2026-12-03T10:05:00Z", "device", "c-1", 0, "356938035643809", "pending",
                        "retry 1 of 1 after fotaResult 8"),
                new EventView(3, "2026-12-03T10:06:00Z", "device", null, null, "356938035643809", "downloading",
                        "something new"));
        Path file = folder.resolve("history.csv");

        CsvExport.write(file, I18n.DUTCH, CsvExport.history(new DeviceCsv(context), new HistoryText(context, new DeviceTexts(context)),
                () -> events, id -> id.equals("c-1") ? "Meters naar 2.0" : null), n -> { }, () -> false);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFTijd;Status;Campagne;Fase;Toelichting");
        assertThat(lines.get(1)).endsWith(";In afwachting;Meters naar 2.0;1;");
        assertThat(lines.get(2)).endsWith(";In afwachting;Meters naar 2.0;1;Nieuwe poging 1 van 1 na: Firmware-update mislukt");
        assertThat(lines.get(3)).endsWith(";Downloaden;;;something new");
    }

    @Test
    void aCancelledExportLeavesTheFileAsItWasAndNoPartFile() throws IOException {
        Path file = folder.resolve("devices.csv");
        Files.writeString(file, "before");
        List<DeviceView> fleet = List.of(device("350000000000000", "acme", null));

        assertThatThrownBy(() -> CsvExport.write(file, Locale.ENGLISH, CsvExport.devices(csv(Locale.ENGLISH),
                (offset, limit) -> new Page<>(fleet, 1, offset, limit)), n -> { }, () -> true))
                .isInstanceOf(CancellationException.class);

        assertThat(Files.readString(file)).isEqualTo("before");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static DeviceView device(String imei, String client, String lastSeen) {
        return new DeviceView(imei, "tracker-x", client, "1.0.0", "2.0.0", "fw", DeviceStatus.DOWNLOADING, 40, null,
                null, lastSeen, Map.of(), null);
    }

    private static DeviceCsv csv(Locale language) {
        return new DeviceCsv(context(language));
    }

    private static UiContext context(Locale language) {
        return UiContext.sameThread(null, new I18n(language),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime())));
    }
}
