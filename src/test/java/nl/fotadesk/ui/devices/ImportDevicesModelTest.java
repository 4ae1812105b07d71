package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CSV import's rules without its window: the report in words, rejected lines, secrets kept safe. */
class ImportDevicesModelTest {
    final UiContext context = new FakeDeviceServer().context();
    final int[] importedCalls = {0};
    final ImportDevicesModel model = new ImportDevicesModel(context, () -> importedCalls[0]++);

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aCheckSaysWhatWouldHappenAndListsTheRejectedLines() {
        ItemError bad = new ItemError(3, "35693803900003", "invalid_imei", "too short");
        model.show(new ImportReport(3, 0, List.of(bad), null, true));

        assertThat(model.summaryProperty().get())
                .isEqualTo("Checked 3 lines: 2 can be imported, 1 would be rejected. Nothing is stored yet.");
        assertThat(model.summaryToneProperty().get()).isEqualTo(ImportDevicesModel.Tone.WARNING);
        assertThat(model.errors()).containsExactly(bad);
        assertThat(model.secretsNoteProperty().get()).isEmpty();

        model.show(new ImportReport(1, 1, List.of(), null, false));
        assertThat(model.summaryProperty().get()).isEqualTo("1 line read: 1 imported, 0 rejected.");
        assertThat(model.summaryToneProperty().get()).isEqualTo(ImportDevicesModel.Tone.SUCCESS);
        assertThat(model.errors()).isEmpty();
    }

    @Test
    void listsAtMostSoManyRejectedLinesButCountsThemAll() {
        int many = ImportDevicesModel.MAX_LISTED_ERRORS + 5;
        List<ItemError> errors = IntStream.rangeClosed(2, many + 1)
                .mapToObj(i -> new ItemError(i, null, "invalid_line", null)).toList();
        model.show(new ImportReport(many, 0, errors, null, false));
        assertThat(model.errors()).hasSize(ImportDevicesModel.MAX_LISTED_ERRORS);
        assertThat(model.summaryProperty().get()).endsWith("0 imported, 10,005 rejected.");
    }

    @Test
    void saysWhyALineWasRejectedInWords() {
        String valid = Imei.withCheckDigit("35693803900001");
        String wrongDigit = valid.substring(0, 14) + (char) ('0' + (valid.charAt(14) - '0' + 1) % 10);
        assertThat(reason("invalid_imei", null)).isEqualTo("No IMEI");
        assertThat(reason("invalid_imei", "3569380")).isEqualTo("Too short: 7 digits, an IMEI has 15");
        assertThat(reason("invalid_imei", wrongDigit)).startsWith("The check digit should be " + valid.charAt(14));
        assertThat(reason("duplicate_imei", valid)).isEqualTo("Already registered, or earlier in this file");
        assertThat(reason("invalid_line", null)).isEqualTo("Not as many columns as the first line names");
        assertThat(reason("invalid_secret", valid)).isEqualTo("Secret not valid: 30 to 100 letters and digits");
        assertThat(reason("out_of_scope", valid)).isEqualTo("Not of your client or your device types");
        assertThat(reason("unknown_client", valid)).isEqualTo("No such client; operators add clients");
        assertThat(reason("unknown_device_type", valid)).isEqualTo("No such device type; operators add device types");
        assertThat(model.reason(new ItemError(2, valid, "something_new", "the server's words")))
                .as("a reason the app does not know yet").isEqualTo("the server's words");
    }

    @Test
    void generatedSecretsMustBeSavedOrTheOperatorWarnedOnceBeforeClosing() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("356938039000015", "a".repeat(40));
        secrets.put("356938039000023", "b".repeat(40));
        assertThat(model.mayClose()).as("nothing to lose").isTrue();

        model.show(new ImportReport(2, 2, List.of(), secrets, false));
        assertThat(model.secretsNoteProperty().get()).startsWith("The server generated a secret for 2 devices.");
        assertThat(model.unsavedSecretsCsv()).isEqualTo("imei,secret\n356938039000015," + "a".repeat(40)
                + "\n356938039000023," + "b".repeat(40) + "\n");

        assertThat(model.mayClose()).as("first attempt warns").isFalse();
        assertThat(model.secretsToneProperty().get()).isEqualTo(ImportDevicesModel.SecretsTone.ERROR);
        assertThat(model.secretsNoteProperty().get()).startsWith("The secrets of 2 devices are not saved");
        assertThat(model.mayClose()).as("the next one closes").isTrue();
    }

    @Test
    void aCheckGeneratesNoSecretsToSave() {
        model.show(new ImportReport(1, 0, List.of(), Map.of("356938039000015", "a".repeat(40)), true));
        assertThat(model.secretsNoteProperty().get()).isEmpty();
        assertThat(model.mayClose()).isTrue();
    }

    @Test
    void aFileThatIsNotThereIsSaidSoAndNothingIsSent() {
        assertThat(model.canRunProperty().get()).as("no file named").isFalse();
        model.fileProperty().set("  /no/such/devices.csv ");
        assertThat(model.canRunProperty().get()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> model.run(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> !model.messageProperty().get().isEmpty()
                && !model.busyProperty().get());
        assertThat(model.messageProperty().get()).startsWith("There is no readable file at /no/such/devices.csv.");
        assertThat(importedCalls[0]).isZero();
    }

    private String reason(String code, String imei) {
        return model.reason(new ItemError(2, imei, code, null));
    }
}
