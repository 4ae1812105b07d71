package nl.fotadesk.backend.http;

import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewCatalogEntry;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.NewUser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies are read strictly, and a refusal says what is wrong and where. */
class JsonBodiesTest {
    @Test
    void readsAValidBody() {
        assertThat(read("{\"name\":\"acme\",\"unknown\":[1]}", NewCatalogEntry.class).name()).isEqualTo("acme");
    }

    @Test
    void refusesTrailingDataAndSaysWhereItStarts() {
        refused("{\"name\":\"m6\"} trailing", NewCatalogEntry.class, "not valid JSON: Unrecognized token 'trailing'");
        refused("{\"name\":\"m6\"} {\"name\":\"m7\"}", NewCatalogEntry.class,
                "the body must be one JSON value; more follows at line 1, column 15");
    }

    @Test
    void refusesAFieldTwice() {
        refused("{\"name\":\"a\",\"name\":\"b\"}", NewCatalogEntry.class, "Duplicate field 'name' at line 1");
    }

    @Test
    void refusesValuesOfAnotherTypeNamingTheField() {
        refused("{\"name\":\"c\",\"phases\":[{\"percent\":50.5}]}", NewCampaign.class,
                "phases[0].percent must be a whole number; got 50.5");
        refused("{\"name\":123}", NewCatalogEntry.class, "name must be a string; got 123");
        refused("{\"name\":true}", NewCatalogEntry.class, "name must be a string; got true");
        refused("{\"maxRetries\":\"5\"}", NewCampaign.class, "maxRetries must be a whole number");
        refused("{\"start\":1}", NewCampaign.class, "start must be true or false; got 1");
        refused("{\"role\":\"admin\"}", NewUser.class, 
                "role must be one of operator, supplier, customer, viewer, requester; unknown role \"admin\"");
        refused("{\"deviceTimeoutSeconds\":9223372036854775808}", NewCampaign.class, "deviceTimeoutSeconds");
        refused("{\"status\":\"happy\"}", GroupFilter.class, "status must be one of in_sync, pending,");
        refused("{\"status\":\"happy\"}", GroupFilter.class, "unknown status \"happy\"");
        refused("[{\"imei\":[]}]", NewDevice[].class, "[0].imei must be a string");
    }

    @Test
    void refusesEmptyNullAndMalformedBodies() {
        refused("", NewDevice.class, "the body is empty");
        refused("null", NewDevice.class, "the body is null; it must be an object");
        refused("{\"name\":", NewCatalogEntry.class, "not valid JSON");
        refused("{\"x\":" + "[".repeat(5000), NewCatalogEntry.class, "not valid JSON");
    }

    private static <T> T read(String body, Class<T> type) {
        return JsonBodies.read(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static void refused(String body, Class<?> type, String detailPart) {
        assertThatThrownBy(() -> read(body, type)).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("invalid_json");
            assertThat(e.getMessage()).contains(detailPart);
        });
    }
}
