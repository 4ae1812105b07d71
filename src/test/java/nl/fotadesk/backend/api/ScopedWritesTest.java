package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.Imei;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What suppliers and customers write: devices registered within their scope (a refused request stores
 * nothing), and groups of their own that hold only their devices and that no other party sees.
 */
class ScopedWritesTest {
    private static final String ACME_TRACKER = Imei.withCheckDigit("35693803400101");
    private static final String ACME_METER = Imei.withCheckDigit("35693803400102");
    private static final String GLOBEX_TRACKER = Imei.withCheckDigit("35693803400201");
    private static final String GLOBEX_METER = Imei.withCheckDigit("35693803400202");

    @TempDir
    static Path data;
    static TestBackend backend;
    static ScopedCalls calls;
    static String cora;
    static String sam;
    static String vic;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend(data);
        calls = new ScopedCalls(backend);
        for (String[] d : new String[][]{{ACME_TRACKER, "tracker", "acme"}, {ACME_METER, "meter", "acme"},
                {GLOBEX_TRACKER, "tracker", "globex"}, {GLOBEX_METER, "meter", "globex"}}) {
            backend.apiJson("POST", "/api/v1/devices", device(d[0], d[1], d[2]), 201);
        }
        backend.apiJson("POST", "/api/v1/device-types", "{\"name\":\"gateway\"}", 201);
        cora = calls.user("cora", "\"role\":\"customer\",\"client\":\"acme\"");
        sam = calls.user("sam", "\"role\":\"supplier\",\"deviceTypes\":[\"tracker\"]");
        vic = calls.user("vic", "\"role\":\"viewer\",\"client\":\"acme\"");
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void aCustomerRegistersDevicesOfTheirClientOfAnyKnownTypeAndTheAuditNamesThem() throws IOException {
        String imei = Imei.withCheckDigit("35693803410001");
        JsonNode made = json(calls.answer(cora, "POST", "/api/v1/devices", device(imei, "gateway", "acme")), 201);
        assertThat(made.get("client").asText()).isEqualTo("acme");
        assertThat(made.hasNonNull("secret")).as("a generated secret, shown once").isTrue();
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?action=device.register&object=device/" + imei, null, 200);
        assertThat(audit.get("items").get(0).get("actor").asText()).isEqualTo("cora");

        String other = Imei.withCheckDigit("35693803410002");
        assertThat(calls.answer(cora, "POST", "/api/v1/devices", device(other, "tracker", "globex")))
                .startsWith("400 ").contains("out_of_scope").contains(other)
                .contains("client \\\"globex\\\" is outside your scope (client \\\"acme\\\")");
        assertThat(calls.answer(cora, "POST", "/api/v1/devices", device(other, "drone", "acme")))
                .as("the catalog is the operators'").startsWith("400 ").contains("unknown_device_type");
        assertThat(calls.answer(vic, "POST", "/api/v1/devices", device(other, "tracker", "acme"))).startsWith("403 ");
        assertThat(status(backend.apiWithKey("GET", "/api/v1/devices/" + other, null, TestBackend.API_KEY))).isEqualTo(404);
        assertThat(backend.apiJson("GET", "/api/v1/device-types", null, 200).toString()).doesNotContain("drone");
    }

    @Test
    void aSupplierRegistersDevicesOfTheirTypesForAnyKnownClientAndABatchWithOneOutsideStoresNothing() throws IOException {
        String mine = Imei.withCheckDigit("35693803420001");
        String notMine = Imei.withCheckDigit("35693803420002");
        assertThat(calls.answer(sam, "POST", "/api/v1/devices", device(mine, "tracker", "globex"))).startsWith("201 ");
        assertThat(calls.answer(sam, "POST", "/api/v1/devices", device(notMine, "tracker", "initrode")))
                .startsWith("400 ").contains("unknown_client");

        String first = Imei.withCheckDigit("35693803420003");
        JsonNode refused = json(calls.answer(sam, "POST", "/api/v1/devices/bulk", "[" + device(first, "tracker", "acme") + ","
                + device(notMine, "meter", "acme") + "]"), 400);
        assertThat(refused.get("errors")).hasSize(1);
        assertThat(refused.get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(refused.get("errors").get(0).get("error").asText()).isEqualTo("out_of_scope");
        assertThat(refused.get("errors").get(0).get("detail").asText())
                .isEqualTo("device " + notMine + ": deviceType \"meter\" is outside your scope (device types tracker)");
        assertThat(status(backend.apiWithKey("GET", "/api/v1/devices/" + first, null, TestBackend.API_KEY))).isEqualTo(404);
    }

    @Test
    void anImportWithALineOutsideTheScopeIsRefusedWholeDryRunOrNotNamingTheLine() throws IOException {
        String good = Imei.withCheckDigit("35693803430001");
        String outside = Imei.withCheckDigit("35693803430002");
        String csv = "imei,deviceType,client\n" + good + ",tracker,acme\n" + outside + ",tracker,globex\n";
        for (String query : List.of("?dryRun=true", "")) {
            JsonNode refused = json(importCsv(cora, query, csv), 400);
            assertThat(refused.get("detail").asText()).isEqualTo("1 line is outside your scope; nothing was imported");
            assertThat(refused.get("errors").get(0).get("index").asInt()).isEqualTo(3);
            assertThat(refused.get("errors").get(0).get("detail").asText()).startsWith("line 3: device " + outside + ": client");
        }
        assertThat(status(backend.apiWithKey("GET", "/api/v1/devices/" + good, null, TestBackend.API_KEY))).isEqualTo(404);
        JsonNode report = json(importCsv(cora, "", "imei,deviceType,client\n" + good + ",tracker,acme\n"), 200);
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?action=device.import&actor=cora", null, 200);
        assertThat(audit.get("total").asLong()).as("refused imports change nothing, not even the trail").isEqualTo(1);
    }

    @Test
    void aCustomersGroupHoldsOnlyTheirDevicesWhoeverLooksAndNoOtherPartySeesIt() throws IOException {
        JsonNode failed = json(calls.answer(cora, "POST", "/api/v1/groups", "{\"name\":\"acme meters\",\"filter\":"
                + "{\"deviceType\":\"meter\"}}"), 201);
        String id = failed.get("id").asText();
        assertThat(failed.get("owner").get("client").asText()).isEqualTo("acme");
        assertThat(failed.get("changeable").asBoolean()).isTrue();
        assertThat(failed.get("members").asLong()).isEqualTo(1);
        JsonNode asOperator = backend.apiJson("GET", "/api/v1/groups/" + id, null, 200);
        assertThat(asOperator.get("members").asLong()).as("acme's meter, not globex's").isEqualTo(1);
        assertThat(ScopedCalls.imeis(backend.apiJson("GET", "/api/v1/groups/" + id + "/devices", null, 200))).containsExactly(ACME_METER);
        assertThat(calls.answer(sam, "GET", "/api/v1/groups/" + id, null)).startsWith("404 ");
        assertThat(names(sam)).doesNotContain("acme meters");
        JsonNode asViewer = json(calls.answer(vic, "GET", "/api/v1/groups/" + id, null), 200);
        assertThat(asViewer.get("changeable").asBoolean()).as("a viewer of acme reads it").isFalse();

        assertThat(calls.answer(cora, "PUT", "/api/v1/groups/" + id, "{\"name\":\"acme meters\",\"filter\":"
                + "{\"client\":\"globex\"}}")).startsWith("400 ").contains("filter.client");
        assertThat(calls.answer(cora, "PUT", "/api/v1/groups/" + id, "{\"name\":\"acme gear\",\"filter\":{}}")).startsWith("200 ");
        assertThat(calls.answer(TestBackend.API_KEY, "PUT", "/api/v1/groups/" + id, "{\"name\":\"acme gear\",\"filter\":"
                + "{\"client\":\"globex\"}}")).as("an owned group holds its owner's devices, whoever writes it")
                .startsWith("400 ");
        assertThat(calls.answer(sam, "DELETE", "/api/v1/groups/" + id, null)).startsWith("404 ");
        assertThat(calls.answer(cora, "DELETE", "/api/v1/groups/" + id, null)).startsWith("204 ");
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?actor=cora&object=group/" + id, null, 200);
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).containsExactlyInAnyOrder("group.create", "group.change", "group.delete");
    }

    @Test
    void aSuppliersListNamesOnlyTheirDevicesAndAnOperatorsGroupIsTheirsToReadNotToChange() throws IOException {
        String unknown = Imei.withCheckDigit("35693803440009");
        String outside = calls.answer(sam, "POST", "/api/v1/groups", "{\"name\":\"x\",\"imeis\":[\"" + ACME_METER + "\"]}");
        assertThat(outside).as("a device outside the scope, exactly as an unknown one").startsWith("404 ")
                .isEqualTo(calls.answer(sam, "POST", "/api/v1/groups", "{\"name\":\"x\",\"imeis\":[\"" + unknown + "\"]}")
                        .replace(unknown, ACME_METER));
        JsonNode trackers = json(calls.answer(sam, "POST", "/api/v1/groups", "{\"name\":\"two trackers\",\"imeis\":[\""
                + ACME_TRACKER + "\",\"" + GLOBEX_TRACKER + "\"]}"), 201);
        assertThat(trackers.get("owner").get("deviceTypes")).extracting(JsonNode::asText).containsExactly("tracker");
        assertThat(calls.answer(cora, "GET", "/api/v1/groups/" + trackers.get("id").asText(), null))
                .as("the supplier's own, though it holds acme's tracker").startsWith("404 ");

        String operators = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"operators' mix\",\"imeis\":[\""
                + ACME_TRACKER + "\",\"" + GLOBEX_METER + "\"]}", 201).get("id").asText();
        JsonNode seen = json(calls.answer(sam, "GET", "/api/v1/groups/" + operators, null), 200);
        assertThat(seen.get("members").asLong()).isEqualTo(1);
        assertThat(seen.get("changeable").asBoolean()).isFalse();
        assertThat(seen.has("owner")).as("global").isFalse();
        assertThat(calls.answer(sam, "PUT", "/api/v1/groups/" + operators, "{\"name\":\"mine now\",\"imeis\":[\""
                + ACME_TRACKER + "\"]}")).startsWith("403 ").contains("operator");
        assertThat(calls.answer(sam, "DELETE", "/api/v1/groups/" + operators, null)).startsWith("403 ");
        assertThat(backend.apiJson("GET", "/api/v1/groups/" + operators + "/imeis", null, 200)).hasSize(2);
    }

    @Test
    void aRefusedChangeOfAnOwnedGroupNamesTheOwnersScopeAsTheWritersOwnOnlyWhenItIsAndChangesNothing() throws IOException {
        String acme = json(calls.answer(cora, "POST", "/api/v1/groups", "{\"name\":\"acme trackers\",\"filter\":"
                + "{\"deviceType\":\"tracker\"}}"), 201).get("id").asText();
        String acmeList = json(calls.answer(cora, "POST", "/api/v1/groups", "{\"name\":\"acme list\",\"imeis\":[\""
                + ACME_TRACKER + "\"]}"), 201).get("id").asText();
        String trackers = json(calls.answer(sam, "POST", "/api/v1/groups", "{\"name\":\"globex trackers\",\"filter\":"
                + "{\"client\":\"globex\"}}"), 201).get("id").asText();
        String tess = calls.user("tess", "\"role\":\"supplier\",\"deviceTypes\":[\"tracker\",\"meter\"]");
        String unknown = Imei.withCheckDigit("35693803450009");
        String before = backend.apiJson("GET", "/api/v1/groups", null, 200).toString();

        String toGlobex = "{\"name\":\"acme trackers\",\"filter\":{\"client\":\"globex\"}}";
        assertThat(refusal(cora, acme, toGlobex))
                .isEqualTo("400 invalid_group: filter.client \"globex\" is outside your scope (client \"acme\")");
        assertThat(refusal(TestBackend.API_KEY, acme, toGlobex)).isEqualTo("400 outside_owner_scope: filter.client \"globex\""
                + " is outside the scope of this group's owner (client \"acme\")");
        String toMeters = "{\"name\":\"globex trackers\",\"filter\":{\"deviceType\":\"meter\"}}";
        assertThat(refusal(sam, trackers, toMeters))
                .isEqualTo("400 invalid_group: filter.deviceType \"meter\" is outside your scope (device types tracker)");
        assertThat(refusal(tess, trackers, toMeters)).as("meters are tess's, not the owner's")
                .isEqualTo("400 outside_owner_scope: filter.deviceType \"meter\" is outside the scope of this group's owner"
                        + " (device types tracker)");

        String withGlobex = "{\"name\":\"acme list\",\"imeis\":[\"" + ACME_TRACKER + "\",\"" + GLOBEX_METER + "\"]}";
        assertThat(refusal(TestBackend.API_KEY, acmeList, withGlobex)).isEqualTo("400 outside_owner_scope: device "
                + GLOBEX_METER + " is outside the scope of this group's owner (client \"acme\")");
        assertThat(refusal(cora, acmeList, withGlobex)).as("to the owner, as an unknown device")
                .isEqualTo("404 not_found: no device with IMEI " + GLOBEX_METER);
        assertThat(refusal(TestBackend.API_KEY, acmeList, "{\"name\":\"acme list\",\"imeis\":[\"" + unknown + "\"]}"))
                .isEqualTo("404 not_found: no device with IMEI " + unknown);

        String taken = "{\"name\":\"acme list\",\"filter\":{}}";
        assertThat(refusal(cora, acme, taken)).isEqualTo("409 duplicate_group: a group named \"acme list\" exists"
                + " already among the groups of your scope");
        assertThat(refusal(TestBackend.API_KEY, acme, taken)).isEqualTo("409 duplicate_group: a group named"
                + " \"acme list\" exists already among the groups of the scope of this group's owner");

        assertThat(backend.apiJson("GET", "/api/v1/groups", null, 200).toString()).isEqualTo(before);
        assertThat(backend.apiJson("GET", "/api/v1/groups/" + acmeList + "/imeis", null, 200))
                .extracting(JsonNode::asText).containsExactly(ACME_TRACKER);
        for (String id : List.of(acme, acmeList, trackers)) {
            assertThat(backend.apiJson("GET", "/api/v1/audit?action=group.change&object=group/" + id, null, 200)
                    .get("total").asLong()).as("refused changes are not in the trail").isZero();
            backend.apiJson("DELETE", "/api/v1/groups/" + id, null, 204);
        }
    }

    @Test
    void namesAreUniquePerOwnerSoAnotherPartysNameTellsNothing() throws IOException {
        String operators = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"Pilot\",\"filter\":{}}", 201)
                .get("id").asText();
        String body = "{\"name\":\"Pilot\",\"filter\":{\"deviceType\":\"tracker\"}}";
        assertThat(calls.answer(cora, "POST", "/api/v1/groups", body)).startsWith("201 ");
        assertThat(calls.answer(sam, "POST", "/api/v1/groups", body)).startsWith("201 ");
        assertThat(calls.answer(cora, "POST", "/api/v1/groups", body)).startsWith("409 ").contains("duplicate_group");
        List<String> pilots = new ArrayList<>();
        backend.apiJson("GET", "/api/v1/groups", null, 200).forEach(g -> {
            if (g.get("name").asText().equals("Pilot")) {
                pilots.add(g.path("owner").toString());
            }
        });
        assertThat(pilots).containsExactlyInAnyOrder("", "{\"client\":\"acme\"}", "{\"deviceTypes\":[\"tracker\"]}");
        backend.apiJson("DELETE", "/api/v1/groups/" + operators, null, 204);
    }

    private static String device(String imei, String type, String client) {
        return "{\"imei\":\"" + imei + "\",\"deviceType\":\"" + type + "\",\"client\":\"" + client + "\"}";
    }


    private static String importCsv(String token, String query, String csv) throws IOException {
        okhttp3.Request request = new okhttp3.Request.Builder().url(backend.url() + "/api/v1/devices/import" + query)
                .header("Authorization", "Bearer " + token)
                .post(okhttp3.RequestBody.create(csv, okhttp3.MediaType.get("text/csv"))).build();
        try (Response r = backend.http.newCall(request).execute()) {
            return r.code() + " " + r.body().string();
        }
    }


    private static JsonNode json(String answer, int status) throws IOException {
        assertThat(answer).startsWith(status + " ");
        return StrictJson.MAPPER.readTree(answer.substring(4));
    }

    /** The answer to replacing group {@code id} with {@code body}, as "status error: detail". */
    private static String refusal(String token, String id, String body) throws IOException {
        String answer = calls.answer(token, "PUT", "/api/v1/groups/" + id, body);
        JsonNode refused = StrictJson.MAPPER.readTree(answer.substring(4));
        return answer.substring(0, 4) + refused.get("error").asText() + ": " + refused.get("detail").asText();
    }

    private static int status(Response r) {
        try (r) {
            return r.code();
        }
    }

    private static List<String> names(String token) throws IOException {
        List<String> names = new ArrayList<>();
        json(calls.answer(token, "GET", "/api/v1/groups", null), 200).forEach(g -> names.add(g.get("name").asText()));
        return names;
    }
}
