package nl.fotadesk.device.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.protocol.api.NewDevice;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Registers a fleet through the management API's bulk endpoint, skipping devices already registered. */
public final class FleetRegistration {
    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetRegistration() {
    }

    /** @return how many devices were newly registered */
    public static int register(OkHttpClient http, String baseUrl, String apiKey, List<DeviceIdentity> fleet)
            throws IOException {
        int created = 0;
        for (int from = 0; from < fleet.size(); from += BATCH) {
            List<DeviceIdentity> batch = fleet.subList(from, Math.min(fleet.size(), from + BATCH));
            created += registerBatch(http, baseUrl, apiKey, batch);
        }
        return created;
    }

    private static int registerBatch(OkHttpClient http, String baseUrl, String apiKey, List<DeviceIdentity> batch)
            throws IOException {
        JsonNode answer = post(http, baseUrl, apiKey, batch);
        if (answer.isArray()) {
            return answer.size();
        }
        Set<String> registered = new HashSet<>();
        for (JsonNode error : answer.path("errors")) {
            if (!"duplicate_imei".equals(error.path("error").asText())) {
                throw new IOException("registration refused: " + error.path("detail").asText());
            }
            registered.add(error.path("imei").asText());
        }
        List<DeviceIdentity> rest = new ArrayList<>();
        for (DeviceIdentity d : batch) {
            if (!registered.contains(d.imei())) {
                rest.add(d);
            }
        }
        return rest.isEmpty() ? 0 : post(http, baseUrl, apiKey, rest).size();
    }

    private static JsonNode post(OkHttpClient http, String baseUrl, String apiKey, List<DeviceIdentity> batch)
            throws IOException {
        List<NewDevice> body = batch.stream()
                .map(d -> new NewDevice(d.imei(), d.deviceType(), d.client(), d.secret(), d.firmware())).toList();
        Request request = new Request.Builder().url(baseUrl + "/api/v1/devices/bulk")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), MediaType.get("application/json"))).build();
        try (Response r = http.newCall(request).execute()) {
            JsonNode answer = JSON.readTree(r.body().bytes());
            if (r.code() == 201 || (r.code() == 400 && answer.has("errors"))) {
                return answer;
            }
            throw new IOException("registering devices at " + baseUrl + " answered " + r.code() + ": "
                    + answer.path("detail").asText(answer.toString()));
        }
    }
}
