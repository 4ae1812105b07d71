package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.Imei;

import java.io.IOException;
import java.util.List;

/**
 * The real things {@link BadInputProperties} aims its requests at: devices, an image, a group, a draft and
 * a running campaign, an open update request, a user with a personal token, and the calling user's own
 * spare token. An accepted request may delete or move one of them; {@link #repair} puts a fresh one in its
 * place (its new id then goes into the following requests), so the ids in paths keep naming live things.
 */
final class FuzzFixture {
    static final String TYPE = "tracker-x";
    /** The calling user (an operator), whose personal token the SELF routes are called with. */
    static final String CALLER = "fuzz-op";
    /** The user named in the /users/{username} routes. */
    static final String VICTIM = "fuzz-victim";
    static final String PASSWORD = RequestCalls.PASSWORD;
    final String imei = Imei.withCheckDigit("35693803000001");
    final String spareImei = Imei.withCheckDigit("35693803000002");
    /** The device with a download in progress, for the file server. */
    final String downloadingImei = Imei.withCheckDigit("35693803000003");
    private final TestBackend backend;
    private final Jdbc db;
    private final RequestCalls calls;
    private int versions;
    String firmwareId;
    String groupId;
    String draftCampaignId;
    String runningCampaignId;
    String requestId;
    String victimTokenId;
    String callerToken;
    String callerTokenId;
    String callerSpareTokenId;

    FuzzFixture(TestBackend backend, Jdbc db) throws IOException {
        this.backend = backend;
        this.db = db;
        this.calls = new RequestCalls(backend);
        for (String device : List.of(imei, spareImei, downloadingImei)) {
            backend.registerDevice(device, TYPE, "1.0.0");
        }
        firmwareId = backend.uploadFirmware(TYPE, "2.0.0", new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        backend.setDesired(downloadingImei, firmwareId);
        callerToken = calls.user(CALLER, "operator", "");
        callerTokenId = tokenIds(CALLER).get(0);
        calls.user(VICTIM, "viewer", "");
        repair(false);
    }

    /**
     * Puts back what an accepted request took away; {@code callerPasswordChanged} when it may have been
     * the caller's own password.
     */
    void repair(boolean callerPasswordChanged) throws IOException {
        if (!exists("firmware", "id", firmwareId)) {
            firmwareId = backend.uploadFirmware(TYPE, "2.0." + ++versions, new byte[]{1, 2, 3});
        }
        if (!exists("device_groups", "id", groupId)) {
            groupId = backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"pilot-" + ++versions + "\",\"imeis\":[\""
                    + imei + "\"]}", 201).get("id").asText();
        }
        boolean draftGone = db.count("SELECT COUNT(*) FROM campaigns WHERE id = ? AND state = 'draft'",
                draftCampaignId) == 0;
        boolean runningGone = db.count("SELECT COUNT(*) FROM campaigns WHERE id = ? AND state IN ('running', 'paused')",
                runningCampaignId) == 0;
        if (draftGone || runningGone) {
            // a started draft or an approved request holds the devices the fixture's campaigns need
            for (String held : db.list("SELECT id FROM campaigns WHERE state IN ('scheduled', 'running', 'paused')"
                    + " AND id <> ?", rs -> rs.getString(1), runningGone ? "" : runningCampaignId)) {
                backend.apiJson("POST", "/api/v1/campaigns/" + held + "/cancel", null, 200);
            }
        }
        if (draftGone) {
            draftCampaignId = campaign(imei, false);
        }
        if (runningGone) {
            runningCampaignId = campaign(spareImei, true);
        }
        if (db.count("SELECT COUNT(*) FROM update_requests WHERE id = ? AND state IN ('submitted', 'in_review')",
                requestId) == 0) {
            requestId = RequestCalls.json(calls.file(callerToken, "{\"deviceType\":\"" + TYPE + "\",\"version\":\"3.0."
                    + ++versions + "\",\"target\":{\"imeis\":[\"" + imei + "\"]}}", new byte[]{9, 9, 9}), 201)
                    .get("id").asText();
        }
        if (!exists("users", "username", VICTIM)) {
            calls.user(VICTIM, "viewer", "");
        }
        if (!exists("api_tokens", "id", victimTokenId)) {
            victimTokenId = newToken(VICTIM).get("id").asText();
        }
        if (callerPasswordChanged) {
            backend.apiJson("PATCH", "/api/v1/users/" + CALLER, "{\"password\":\"" + PASSWORD + "\"}", 200);
        }
        if (!exists("api_tokens", "id", callerTokenId)) {
            JsonNode issued = newToken(CALLER);
            callerToken = issued.get("token").asText();
            callerTokenId = issued.get("id").asText();
            // its first use records when it was last used; later uses on the still clock change nothing
            calls.as(callerToken, "GET", "/api/v1/tokens", null, 200);
        }
        if (!exists("api_tokens", "id", callerSpareTokenId)) {
            callerSpareTokenId = calls.as(callerToken, "POST", "/api/v1/tokens", "{\"name\":\"spare\"}", 201)
                    .get("id").asText();
        }
    }

    /** The live value a path parameter of {@code template} names. */
    String real(String template, String parameter, boolean second) {
        if (template.startsWith("/api/v1/users/{username}/tokens/") && parameter.equals("id")) {
            return victimTokenId;
        }
        String kind = template.substring("/api/v1/".length()).split("/")[0];
        return switch (kind) {
            case "devices" -> second ? spareImei : imei;
            case "firmware" -> firmwareId;
            case "groups" -> groupId;
            case "campaigns" -> second ? runningCampaignId : draftCampaignId;
            case "requests" -> requestId;
            case "users" -> VICTIM;
            case "tokens" -> second ? callerTokenId : callerSpareTokenId;
            default -> throw new IllegalArgumentException("no real value for " + parameter + " in " + template);
        };
    }

    /** A live id of another kind than the route's, e.g. a group id on a campaign route. */
    String foreign(String template) {
        return template.contains("/groups/") ? draftCampaignId : groupId;
    }

    /** {@code text} with the fixture's placeholders ({@code @IMEI@}, {@code @FIRMWARE@}, ...) filled in; {@code @N@} a new number. */
    String fill(String text) {
        return text.replace("@N@", Integer.toString(++versions)).replace("@IMEI@", imei).replace("@SPARE_IMEI@", spareImei).replace("@FIRMWARE@", firmwareId)
                .replace("@GROUP@", groupId).replace("@CAMPAIGN@", draftCampaignId).replace("@PASSWORD@", PASSWORD);
    }

    /** A new personal token of {@code username}, who is given the fixture's password and enabled first. */
    private JsonNode newToken(String username) throws IOException {
        backend.apiJson("PATCH", "/api/v1/users/" + username, "{\"password\":\"" + PASSWORD + "\",\"disabled\":false}", 200);
        String session = backend.apiJson("POST", "/api/v1/sessions", "{\"username\":\"" + username
                + "\",\"password\":\"" + PASSWORD + "\"}", 201).get("token").asText();
        return calls.as(session, "POST", "/api/v1/tokens", "{\"name\":\"fixture\"}", 201);
    }

    private String campaign(String device, boolean start) throws IOException {
        return backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"fixture-" + ++versions + "\",\"firmwareId\":\""
                + firmwareId + "\",\"target\":{\"imeis\":[\"" + device + "\"]},\"start\":" + start + "}", 201)
                .get("id").asText();
    }

    private boolean exists(String table, String column, String value) {
        return value != null && db.count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value) > 0;
    }

    private List<String> tokenIds(String username) {
        return db.list("SELECT id FROM api_tokens WHERE username = ?", rs -> rs.getString(1), username);
    }
}
