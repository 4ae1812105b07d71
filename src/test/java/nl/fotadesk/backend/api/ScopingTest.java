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
 * What a customer, a supplier and a viewer see and may change: only their devices, in every list,
 * total, filter choice and detail; a device outside the scope answers exactly as an unknown one.
 */
class ScopingTest {
    /** acme: 2 trackers, 1 meter; globex: 1 tracker, 2 meters. */
    private static final String ACME_TRACKER_1 = Imei.withCheckDigit("35693803000101");
    private static final String ACME_TRACKER_2 = Imei.withCheckDigit("35693803000102");
    private static final String ACME_METER = Imei.withCheckDigit("35693803000103");
    private static final String GLOBEX_TRACKER = Imei.withCheckDigit("35693803000201");
    private static final String GLOBEX_METER_1 = Imei.withCheckDigit("35693803000202");
    private static final String GLOBEX_METER_2 = Imei.withCheckDigit("35693803000203");
    private static final String UNKNOWN = Imei.withCheckDigit("35693803000999");

    @TempDir
    static Path data;
    static TestBackend backend;
    static ScopedCalls calls;
    static String cora;
    static String sam;
    static String vic;
    static String trackerFirmware;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend(data);
        calls = new ScopedCalls(backend);
        register(ACME_TRACKER_1, "tracker", "acme");
        register(ACME_TRACKER_2, "tracker", "acme");
        register(ACME_METER, "meter", "acme");
        register(GLOBEX_TRACKER, "tracker", "globex");
        register(GLOBEX_METER_1, "meter", "globex");
        register(GLOBEX_METER_2, "meter", "globex");
        backend.apiJson("POST", "/api/v1/clients", "{\"name\":\"initech\"}", 201);
        trackerFirmware = backend.uploadFirmware("tracker", "2.0.0", new byte[]{1, 2, 3});
        cora = calls.user("cora", "\"role\":\"customer\",\"client\":\"acme\"");
        sam = calls.user("sam", "\"role\":\"supplier\",\"deviceTypes\":[\"tracker\"]");
        vic = calls.user("vic", "\"role\":\"viewer\",\"client\":\"acme\"");
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void listsAndTotalsHoldOnlyTheDevicesInScope() throws IOException {
        assertThat(ScopedCalls.imeis(get(cora, "/api/v1/devices"))).containsExactlyInAnyOrder(ACME_TRACKER_1, ACME_TRACKER_2, ACME_METER);
        assertThat(get(cora, "/api/v1/devices").get("total").asLong()).isEqualTo(3);
        assertThat(ScopedCalls.imeis(get(sam, "/api/v1/devices"))).containsExactlyInAnyOrder(ACME_TRACKER_1, ACME_TRACKER_2,
                GLOBEX_TRACKER);
        assertThat(ScopedCalls.imeis(get(sam, "/api/v1/devices?client=globex"))).containsExactly(GLOBEX_TRACKER);
        JsonNode asked = get(cora, "/api/v1/devices?client=globex");
        assertThat(asked.get("total").asLong()).as("another client's filter finds nothing").isZero();
        assertThat(get(cora, "/api/v1/devices?imei=356938030002").get("total").asLong()).isZero();
        assertThat(get(vic, "/api/v1/devices").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aDeviceOutOfScopeAnswersExactlyAsAnUnknownOne() throws IOException {
        for (String path : List.of("/api/v1/devices/%s", "/api/v1/devices/%s/history")) {
            String outside = calls.answer(cora, "GET", String.format(path, GLOBEX_METER_1), null);
            String unknown = calls.answer(cora, "GET", String.format(path, UNKNOWN), null);
            assertThat(outside).isEqualTo(unknown.replace(UNKNOWN, GLOBEX_METER_1)).startsWith("404 ");
        }
        assertThat(calls.answer(sam, "GET", "/api/v1/devices/" + ACME_METER, null)).startsWith("404 ");
        assertThat(calls.answer(sam, "GET", "/api/v1/devices/" + ACME_TRACKER_1, null)).startsWith("200 ");
        assertThat(calls.answer(sam, "PUT", "/api/v1/devices/" + GLOBEX_METER_2 + "/desired",
                "{\"firmwareId\":\"" + trackerFirmware + "\"}")).startsWith("404 ");
    }

    @Test
    void filterChoicesShowOnlyTheScopeWithItsOwnCounts() throws IOException {
        assertThat(names(get(cora, "/api/v1/clients"))).containsExactly("acme=3");
        assertThat(names(get(cora, "/api/v1/device-types"))).containsExactly("meter=1", "tracker=2");
        assertThat(names(get(sam, "/api/v1/clients"))).containsExactly("acme=2", "globex=1");
        assertThat(names(get(sam, "/api/v1/device-types"))).containsExactly("tracker=3");
        assertThat(names(backend.apiJson("GET", "/api/v1/clients", null, 200)))
                .containsExactly("acme=3", "globex=3", "initech=0");
    }

    @Test
    void aCustomerSetsDesiredFirmwareOnTheirDeviceAndTheAuditNamesThemAViewerMayNot() throws IOException {
        String body = "{\"firmwareId\":\"" + trackerFirmware + "\"}";
        assertThat(calls.answer(vic, "PUT", "/api/v1/devices/" + ACME_TRACKER_2 + "/desired", body)).startsWith("403 ");
        assertThat(calls.answer(cora, "PUT", "/api/v1/devices/" + ACME_TRACKER_2 + "/desired", body)).startsWith("200 ");
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?action=device.desired.set", null, 200);
        assertThat(audit.get("items").get(0).get("actor").asText()).isEqualTo("cora");
        assertThat(audit.get("items").get(0).get("object").asText()).isEqualTo("device/" + ACME_TRACKER_2);
    }

    @Test
    void firmwareIsListedForTheDeviceTypesInScopeWithOnlyTheirDevicesCounted() throws IOException {
        String meterFirmware = backend.uploadFirmware("meter", "3.0.0", new byte[]{4, 5, 6});
        backend.apiJson("POST", "/api/v1/device-types", "{\"name\":\"gateway\"}", 201);
        String gatewayFirmware = backend.uploadFirmware("gateway", "1.1.0", new byte[]{7});
        assertThat(firmwareTypes(get(sam, "/api/v1/firmware"))).containsOnly("tracker");
        assertThat(firmwareTypes(get(cora, "/api/v1/firmware"))).contains("tracker", "meter").doesNotContain("gateway");
        assertThat(calls.answer(cora, "GET", "/api/v1/firmware/" + gatewayFirmware, null)).startsWith("404 ");
        assertThat(calls.answer(sam, "GET", "/api/v1/firmware/" + meterFirmware + "/content", null)).startsWith("404 ");
        assertThat(calls.answer(sam, "GET", "/api/v1/firmware/" + trackerFirmware + "/content", null)).startsWith("200 ");
    }

    @Test
    void aSupplierUploadsFirmwareForTheirTypesOnlyACustomerNone() throws IOException {
        assertThat(upload(sam, "tracker", "9.0.0")).startsWith("201 ");
        assertThat(upload(sam, "meter", "9.0.0")).startsWith("403 ");
        assertThat(upload(cora, "tracker", "9.0.1")).startsWith("403 ");
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?action=firmware.upload&actor=sam", null, 200);
        assertThat(audit.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theEventFeedHoldsOnlyTheEventsOfDevicesInScopeAndALongPollWaitsForOneOfThem() throws Exception {
        long start = get(cora, "/api/v1/events").get("cursor").asLong();
        String body = "{\"firmwareId\":\"" + trackerFirmware + "\"}";
        backend.apiJson("PUT", "/api/v1/devices/" + GLOBEX_TRACKER + "/desired", body, 200);
        JsonNode nothingYet = get(cora, "/api/v1/events?since=" + start);
        assertThat(nothingYet.get("events")).as("another client's device").isEmpty();
        assertThat(nothingYet.get("cursor").asLong()).as("the cursor passes it").isGreaterThan(start);

        java.util.concurrent.CompletableFuture<JsonNode> poll = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return get(cora, "/api/v1/events?wait=20&since=" + nothingYet.get("cursor").asLong());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        backend.apiJson("PUT", "/api/v1/devices/" + GLOBEX_METER_1 + "/desired",
                "{\"firmwareId\":\"" + backend.uploadFirmware("meter", "3.1.0", new byte[]{1}) + "\"}", 200);
        backend.apiJson("PUT", "/api/v1/devices/" + ACME_TRACKER_1 + "/desired", body, 200);
        JsonNode answered = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        List<String> imeis = new ArrayList<>();
        answered.get("events").forEach(e -> imeis.add(e.get("imei").asText()));
        assertThat(imeis).containsOnly(ACME_TRACKER_1);
    }

    @Test
    void groupsShowOnlyTheirMembersInScopeAndAGroupWithoutAnyIsNotFound() throws IOException {
        String mixed = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"mixed\",\"imeis\":[\"" + ACME_TRACKER_1
                + "\",\"" + GLOBEX_METER_2 + "\"]}", 201).get("id").asText();
        String globex = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"globex only\",\"filter\":"
                + "{\"client\":\"globex\"}}", 201).get("id").asText();
        List<String> seen = new ArrayList<>();
        get(cora, "/api/v1/groups").forEach(g -> seen.add(g.get("name").asText() + "=" + g.get("members").asLong()));
        assertThat(seen).contains("mixed=1").noneMatch(g -> g.startsWith("globex only"));
        assertThat(calls.answer(cora, "GET", "/api/v1/groups/" + globex, null)).startsWith("404 ");
        assertThat(calls.answer(cora, "GET", "/api/v1/groups/" + globex + "/devices", null)).startsWith("404 ");
        assertThat(get(cora, "/api/v1/groups/" + mixed + "/imeis")).extracting(JsonNode::asText)
                .containsExactly(ACME_TRACKER_1);
        assertThat(ScopedCalls.imeis(get(cora, "/api/v1/groups/" + mixed + "/devices"))).containsExactly(ACME_TRACKER_1);
        assertThat(get(sam, "/api/v1/groups/" + globex).get("members").asLong()).as("globex's one tracker").isEqualTo(1);
        assertThat(backend.apiJson("GET", "/api/v1/groups/" + mixed + "/imeis", null, 200)).hasSize(2);
    }

    @Test
    void operatorChangesAreInTheAuditTrailWithTheirActor() throws IOException {
        String group = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"audited\",\"imeis\":[\""
                + ACME_METER + "\"]}", 201).get("id").asText();
        backend.apiJson("DELETE", "/api/v1/groups/" + group, null, 204);
        for (String action : List.of("device.register", "client.create", "group.create", "group.delete", "user.create")) {
            JsonNode lines = backend.apiJson("GET", "/api/v1/audit?action=" + action, null, 200);
            assertThat(lines.get("total").asLong()).as(action).isPositive();
            assertThat(lines.get("items").get(0).get("actor").asText()).as(action).isEqualTo("api-key");
        }
        assertThat(backend.apiJson("GET", "/api/v1/audit?action=device.register&object=device/" + ACME_METER, null, 200)
                .get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aCampaignAcrossClientsShowsACustomerTheirPartOnlyAndAnotherClientsCampaignNotAtAll() throws Exception {
        String trackers = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"every tracker\",\"firmwareId\":\""
                + trackerFirmware + "\",\"target\":{\"deviceType\":\"tracker\",\"capOrder\":\"imei\"},"
                + "\"phases\":[{\"count\":2},{\"percent\":100}]}", 201).get("id").asText();
        String meters = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"globex meters\",\"firmwareId\":\""
                + backend.uploadFirmware("meter", "4.0.0", new byte[]{4}) + "\",\"target\":{\"client\":\"globex\"}}",
                201).get("id").asText();

        JsonNode part = get(cora, "/api/v1/campaigns/" + trackers);
        assertThat(part.get("devices").asInt()).isEqualTo(2);
        assertThat(part.get("counts").get("waiting").asInt()).isEqualTo(2);
        List<Integer> phaseSizes = new ArrayList<>();
        part.get("phases").forEach(p -> phaseSizes.add(p.get("devices").asInt()));
        assertThat(phaseSizes).as("acme's two trackers are the first phase, by IMEI").containsExactly(2, 0);
        assertThat(get(sam, "/api/v1/campaigns/" + trackers).get("devices").asInt()).as("all three trackers").isEqualTo(3);
        assertThat(ScopedCalls.imeis(get(cora, "/api/v1/campaigns/" + trackers + "/devices"))).containsExactly(ACME_TRACKER_1,
                ACME_TRACKER_2);
        assertThat(get(cora, "/api/v1/campaigns/" + trackers + "/devices?state=waiting&phase=1").get("total").asLong())
                .isZero();
        List<String> listed = new ArrayList<>();
        get(cora, "/api/v1/campaigns").forEach(c -> listed.add(c.get("name").asText() + "=" + c.get("devices").asInt()));
        assertThat(listed).contains("every tracker=2").noneMatch(c -> c.startsWith("globex meters"));
        List<String> supplierSees = new ArrayList<>();
        get(sam, "/api/v1/campaigns").forEach(c -> supplierSees.add(c.get("name").asText()));
        assertThat(supplierSees).contains("every tracker").doesNotContain("globex meters");

        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String path : List.of("/api/v1/campaigns/%s", "/api/v1/campaigns/%s/devices")) {
            String outside = calls.answer(cora, "GET", String.format(path, meters), null);
            assertThat(outside).isEqualTo(calls.answer(cora, "GET", String.format(path, unknown), null).replace(unknown, meters))
                    .startsWith("404 ");
            assertThat(calls.answer(sam, "GET", String.format(path, meters), null)).startsWith("404 ");
        }
        for (String act : List.of("start", "pause", "resume", "cancel", "retry")) {
            assertThat(calls.answer(cora, "POST", "/api/v1/campaigns/" + trackers + "/" + act, null))
                    .as("another client's devices are in it").startsWith("403 ").contains("outside your scope");
            assertThat(calls.answer(cora, "POST", "/api/v1/campaigns/" + meters + "/" + act, null)).startsWith("404 ");
            assertThat(calls.answer(vic, "POST", "/api/v1/campaigns/" + trackers + "/" + act, null)).startsWith("403 ");
        }

        long cursor = get(cora, "/api/v1/events").get("cursor").asLong();
        backend.apiJson("POST", "/api/v1/campaigns/" + trackers + "/start", null, 200);
        try {
            List<String> seen = new ArrayList<>();
            List<JsonNode> campaignWide = new ArrayList<>();
            get(cora, "/api/v1/events?since=" + cursor).get("events").forEach(e -> {
                if (e.hasNonNull("imei")) {
                    seen.add(e.get("imei").asText());
                } else {
                    campaignWide.add(e);
                }
            });
            assertThat(seen).as("device events of the campaign's acme trackers only")
                    .isNotEmpty().containsOnly(ACME_TRACKER_1, ACME_TRACKER_2);
            assertThat(campaignWide).as("the campaign's own events, without details that count globex's devices")
                    .isNotEmpty().allSatisfy(e -> {
                        assertThat(e.get("campaignId").asText()).isEqualTo(trackers);
                        assertThat(e.hasNonNull("detail")).isFalse();
                    });
            for (String path : List.of("/api/v1/campaigns", "/api/v1/campaigns/" + trackers,
                    "/api/v1/campaigns/" + trackers + "/devices?limit=1000", "/api/v1/events?since=" + cursor)) {
                assertThat(calls.answer(cora, "GET", path, null)).as(path).startsWith("200 ")
                        .doesNotContain(GLOBEX_TRACKER, GLOBEX_METER_1, GLOBEX_METER_2, "globex");
            }
            JsonNode running = get(cora, "/api/v1/campaigns/" + trackers);
            assertThat(running.get("counts").get("pending").asInt()).isEqualTo(2);
            assertThat(running.get("phases").get(0).get("devices").asInt()).isEqualTo(2);
        } finally {
            backend.apiJson("POST", "/api/v1/campaigns/" + trackers + "/cancel", null, 200);
        }
        assertThat(get(cora, "/api/v1/campaigns/" + trackers).get("stateReason").asText())
                .isEqualTo("cancelled by the API key");
    }

    @Test
    void aCustomersCampaignTargetsTheirDevicesOnlyAndItsHistoryNamesThem() throws Exception {
        String meterFirmware = backend.uploadFirmware("meter", "5.0.0", new byte[]{5});
        String onGlobex = "{\"name\":\"x\",\"firmwareId\":\"" + meterFirmware + "\",\"target\":{\"imeis\":[\"%s\"]}}";
        String outside = calls.answer(cora, "POST", "/api/v1/campaigns", String.format(onGlobex, GLOBEX_METER_1));
        assertThat(outside).as("an IMEI outside the scope, exactly as an unknown one").startsWith("404 ")
                .isEqualTo(calls.answer(cora, "POST", "/api/v1/campaigns", String.format(onGlobex, UNKNOWN))
                        .replace(UNKNOWN, GLOBEX_METER_1));
        JsonNode preview = StrictJson.MAPPER.readTree(calls.answer(cora, "POST", "/api/v1/campaigns/preview",
                String.format(onGlobex, GLOBEX_METER_1)).substring(4));
        assertThat(preview.get("unknownImeis")).extracting(JsonNode::asText).containsExactly(GLOBEX_METER_1);
        assertThat(preview.get("matched").asInt()).isZero();
        assertThat(calls.answer(cora, "POST", "/api/v1/campaigns/preview", "{\"name\":\"x\",\"firmwareId\":\""
                + meterFirmware + "\",\"target\":{\"client\":\"globex\"}}")).startsWith("400 ").contains("outside your scope");
        JsonNode all = StrictJson.MAPPER.readTree(calls.answer(cora, "POST", "/api/v1/campaigns/preview",
                "{\"name\":\"x\",\"firmwareId\":\"" + meterFirmware + "\"}").substring(4));
        assertThat(all.get("targeted").asInt()).as("no target: every meter of acme").isEqualTo(1);
        assertThat(calls.answer(vic, "POST", "/api/v1/campaigns/preview", String.format(onGlobex, ACME_METER))).startsWith("403 ");
        assertThat(calls.answer(vic, "POST", "/api/v1/campaigns", String.format(onGlobex, ACME_METER))).startsWith("403 ");

        long cursor = get(cora, "/api/v1/events").get("cursor").asLong();
        String created = calls.answer(cora, "POST", "/api/v1/campaigns", String.format(onGlobex, ACME_METER)
                .replace("}}", "},\"start\":true}"));
        assertThat(created).startsWith("201 ");
        String id = StrictJson.MAPPER.readTree(created.substring(4)).get("id").asText();
        assertThat(calls.answer(sam, "GET", "/api/v1/campaigns/" + id, null)).as("a meter campaign").startsWith("404 ");
        assertThat(stateReason(cora, "pause", id)).isEqualTo("paused by cora (customer)");
        assertThat(stateReason(cora, "resume", id)).isEqualTo("resumed by cora (customer)");
        assertThat(stateReason(cora, "cancel", id)).isEqualTo("cancelled by cora (customer)");
        List<String> details = new ArrayList<>();
        get(cora, "/api/v1/events?since=" + cursor).get("events").forEach(e -> {
            if (!e.hasNonNull("imei") && e.hasNonNull("detail")) {
                details.add(e.get("detail").asText());
            }
        });
        assertThat(details).as("the campaign events of their own campaign, whole").contains("paused by cora (customer)");
        JsonNode audit = backend.apiJson("GET", "/api/v1/audit?actor=cora&object=campaign/" + id, null, 200);
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).contains("campaign.create", "campaign.start", "campaign.pause", "campaign.resume",
                "campaign.cancel");
    }

    @Test
    void aSuppliersCampaignIsOfTheirTypesAndTheirDevicesAcrossClients() throws IOException {
        String meterFirmware = backend.uploadFirmware("meter", "6.0.0", new byte[]{6});
        String unknownFirmware = "00000000-0000-4000-8000-000000000000";
        String ofMeters = calls.answer(sam, "POST", "/api/v1/campaigns/preview", "{\"name\":\"x\",\"firmwareId\":\""
                + meterFirmware + "\"}");
        assertThat(ofMeters).as("firmware of another type, exactly as an unknown image").startsWith("400 ")
                .isEqualTo(calls.answer(sam, "POST", "/api/v1/campaigns/preview", "{\"name\":\"x\",\"firmwareId\":\""
                        + unknownFirmware + "\"}").replace(unknownFirmware, meterFirmware));
        assertThat(calls.answer(sam, "POST", "/api/v1/campaigns/preview", "{\"name\":\"x\",\"firmwareId\":\""
                + trackerFirmware + "\",\"target\":{\"deviceType\":\"meter\"}}")).startsWith("400 ")
                .contains("outside your scope");
        JsonNode globex = StrictJson.MAPPER.readTree(calls.answer(sam, "POST", "/api/v1/campaigns/preview",
                "{\"name\":\"x\",\"firmwareId\":\"" + trackerFirmware + "\",\"target\":{\"client\":\"globex\"}}")
                .substring(4));
        assertThat(globex.get("matched").asInt()).as("globex's tracker, not its meters").isEqualTo(1);

        String mixed = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"tracker and meter\",\"imeis\":[\""
                + GLOBEX_TRACKER + "\",\"" + GLOBEX_METER_1 + "\"]}", 201).get("id").asText();
        String meterOnly = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"one meter\",\"imeis\":[\""
                + GLOBEX_METER_2 + "\"]}", 201).get("id").asText();
        JsonNode group = StrictJson.MAPPER.readTree(calls.answer(sam, "POST", "/api/v1/campaigns/preview",
                "{\"name\":\"x\",\"firmwareId\":\"" + trackerFirmware + "\",\"target\":{\"groupId\":\"" + mixed + "\"}}")
                .substring(4));
        assertThat(group.get("matched").asInt()).as("the group's part in the scope").isEqualTo(1);
        String noneOfTheirs = calls.answer(sam, "POST", "/api/v1/campaigns/preview", "{\"name\":\"x\",\"firmwareId\":\""
                + trackerFirmware + "\",\"target\":{\"groupId\":\"" + meterOnly + "\"}}");
        assertThat(noneOfTheirs).as("a group without devices in the scope, as an unknown one").startsWith("400 ")
                .contains("unknown_group");
    }

    private static String stateReason(String token, String act, String campaign) throws IOException {
        String answer = calls.answer(token, "POST", "/api/v1/campaigns/" + campaign + "/" + act, null);
        assertThat(answer).as(act).startsWith("200 ");
        return StrictJson.MAPPER.readTree(answer.substring(4)).get("stateReason").asText();
    }

    private static String upload(String token, String type, String version) throws IOException {
        okhttp3.Request request = new okhttp3.Request.Builder()
                .url(backend.url() + "/api/v1/firmware?deviceType=" + type + "&version=" + version)
                .header("Authorization", "Bearer " + token)
                .post(okhttp3.RequestBody.create(new byte[]{9, 9, 9}, okhttp3.MediaType.get("application/octet-stream")))
                .build();
        try (Response r = backend.http.newCall(request).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    private static List<String> firmwareTypes(JsonNode list) {
        List<String> types = new ArrayList<>();
        list.forEach(f -> types.add(f.get("deviceType").asText()));
        return types;
    }

    private static void register(String imei, String type, String client) throws IOException {
        backend.apiJson("POST", "/api/v1/devices", "{\"imei\":\"" + imei + "\",\"deviceType\":\"" + type
                + "\",\"client\":\"" + client + "\",\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}", 201);
    }


    private static JsonNode get(String token, String path) throws IOException {
        String answer = calls.answer(token, "GET", path, null);
        assertThat(answer).as(path).startsWith("200 ");
        return StrictJson.MAPPER.readTree(answer.substring(4));
    }



    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("name").asText() + "=" + e.get("devices").asLong()));
        return names;
    }
}
