package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/devices/import}: good lines imported, bad lines reported by line number. */
class CsvImportApiTest extends ApiTestBase {

    @Test
    void readsTheColumnsByNameInAnyOrderAndCase() throws IOException {
        String csv = " Client ,IMEI,DEVICETYPE,Firmware,Secret,notes\r\n"
                + "acme, " + imei(1) + " ,tracker-x,1.0.0," + SECRET + ",first\r\n"
                + "\"globex\",\"" + imei(2) + "\",meter-y,,,\"second, with a comma\"\r\n";
        JsonNode report = importCsv("", csv, 200);

        assertThat(report.get("lines").asInt()).isEqualTo(2);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("generatedSecrets").size()).as("only the line without a secret").isEqualTo(1);
        assertThat(report.get("generatedSecrets").get(imei(2)).asText()).matches("[0-9A-Za-z]{40}");

        JsonNode first = get("/api/v1/devices/" + imei(1));
        assertThat(first.get("client").asText()).isEqualTo("acme");
        assertThat(first.get("deviceType").asText()).isEqualTo("tracker-x");
        assertThat(first.get("reportedFirmware").asText()).isEqualTo("1.0.0");
        JsonNode second = get("/api/v1/devices/" + imei(2));
        assertThat(second.get("client").asText()).isEqualTo("globex");
        assertThat(second.has("reportedFirmware")).as("an empty value is no value").isFalse();
    }

    @Test
    void importsTheGoodLinesAndReportsEachBadLineByItsLineNumber() throws IOException {
        register(imei(7), "tracker-x", "acme", "1.0.0");
        String csv = "imei,deviceType,client,secret\n"        // line 1
                + imei(1) + ",tracker-x,acme,\n"               // 2 good, secret generated
                + "12345,tracker-x,acme,\n"                    // 3 invalid IMEI
                + "\n"                                         // 4 empty, skipped
                + imei(2) + ",tracker-x,acme," + SECRET + "\n" // 5 good
                + imei(1) + ",tracker-x,acme,\n"               // 6 the same IMEI as line 2
                + imei(7) + ",tracker-x,acme,\n"               // 7 registered already
                + imei(3) + ",tracker-x\n"                     // 8 too few columns
                + imei(4) + ",meter-y,globex,";                // 9 good, no line end
        JsonNode report = importCsv("", csv, 200);

        assertThat(report.get("lines").asInt()).as("data lines read").isEqualTo(7);
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        JsonNode errors = report.get("errors");
        assertThat(ints(errors, "index")).containsExactly(3, 6, 7, 8);
        assertThat(texts(errors, "error")).containsExactly("invalid_imei", "duplicate_imei", "duplicate_imei",
                "invalid_line");
        assertThat(texts(errors, "imei")).containsExactly("12345", imei(1), imei(7), imei(3));
        assertThat(errors.get(0).get("detail").asText()).startsWith("line 3: ");
        assertThat(errors.get(3).get("detail").asText()).contains("line 8 has 2 columns, the header has 4");
        assertThat(keys(report.get("generatedSecrets"))).containsExactlyInAnyOrder(imei(1), imei(4));

        assertThat(get("/api/v1/devices").get("total").asLong()).isEqualTo(4);
        assertThat(get("/api/v1/devices/" + imei(4)).get("client").asText()).isEqualTo("globex");
        expectError("GET", "/api/v1/devices/" + imei(3), null, 404, "not_found", imei(3));
    }

    @Test
    void aDryRunChecksEveryLineButStoresNothing() throws IOException {
        String csv = "imei,deviceType,client\n" + imei(1) + ",tracker-x,acme\n" + imei(1) + ",tracker-x,acme\n"
                + imei(2) + ",tracker-x,\n";
        JsonNode report = importCsv("?dryRun=true", csv, 200);

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("lines").asInt()).isEqualTo(3);
        assertThat(report.get("imported").asInt()).isZero();
        assertThat(ints(report.get("errors"), "index")).containsExactly(3, 4);
        assertThat(texts(report.get("errors"), "error")).containsExactly("duplicate_imei", "invalid_client");
        assertThat(report.get("generatedSecrets")).isEmpty();

        assertThat(get("/api/v1/devices").get("total").asLong()).isZero();
        assertThat(get("/api/v1/clients")).isEmpty();
        assertThat(get("/api/v1/device-types")).isEmpty();

        JsonNode real = importCsv("", csv, 200);
        assertThat(real.get("imported").asInt()).as("the same file for real").isEqualTo(1);
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() throws IOException {
        for (String csv : new String[]{"imei,client\n" + imei(1) + ",acme\n", "imei;deviceType;client\n", "",
                imei(1) + ",tracker-x,acme\n"}) {
            try (Response r = postCsv("", csv)) {
                assertError(r, 400, "invalid_csv", "the first line must name the columns imei, deviceType, client");
            }
        }
        assertThat(get("/api/v1/devices").get("total").asLong()).isZero();
    }

    @Test
    void aLineWithTheWrongNumberOfColumnsIsReportedWithItsImei() throws IOException {
        JsonNode report = importCsv("?dryRun=true", "client,imei,deviceType\nacme," + imei(1) + "\n", 200);
        assertThat(report.get("errors").get(0).get("error").asText()).isEqualTo("invalid_line");
        assertThat(report.get("errors").get(0).get("imei").asText()).isEqualTo(imei(1));
    }

    @Test
    void acceptsAFileThatStartsWithAByteOrderMark() throws IOException {
        JsonNode report = importCsv("", "\uFEFFimei,deviceType,client\n" + imei(1) + ",tracker-x,acme\n", 200);
        assertThat(report.get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void aBrokenHeaderLineIsAnsweredAsInvalidCsv() throws IOException {
        try (Response r = postCsv("", "imei,\"deviceType,client\n")) {
            assertError(r, 400, "invalid_csv", "not valid CSV");
        }
    }
}
