package nl.fotadesk.ui;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.EventView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code the server writes has a text in English and in Dutch, which shows each of its arguments. */
class EventTextsTest {
    /** A value for every argument name a code has, each told apart from the others in the text. */
    private static final Map<String, Object> VALUES = Map.ofEntries(Map.entry("devices", 43), Map.entry("phases", 3),
            Map.entry("phase", 4), Map.entry("failed", 6), Map.entry("total", 44), Map.entry("threshold", 12),
            Map.entry("succeeded", 38), Map.entry("attempt", 2), Map.entry("maxAttempts", 7),
            Map.entry("fotaResult", 5), Map.entry("seconds", 95), Map.entry("progress", 47),
            Map.entry("at", "2026-12-04T06:00:00Z"), Map.entry("actorName", "Olga Jansen"),
            Map.entry("actorRole", "supplier"), Map.entry("campaignName", "Winter rollout"),
            Map.entry("version", "2.5.1"), Map.entry("fotaState", "downloading"),
            Map.entry("text", "the release notes are missing"));

    @ParameterizedTest
    @EnumSource(EventCode.class)
    void everyCodeHasATextInBothLanguages(EventCode code) throws IOException {
        assertThat(EventTexts.key(code)).as("the key of " + code.wireName()).isNotNull();
        assertThat(load("i18n/messages.properties")).as("English").containsKey(EventTexts.key(code));
        assertThat(load("i18n/messages_nl.properties")).as("Dutch").containsKey(EventTexts.key(code));
    }

    @ParameterizedTest
    @EnumSource(EventCode.class)
    void theTextShowsEachArgumentInBothLanguages(EventCode code) {
        Map<String, Object> args = new LinkedHashMap<>();
        code.args().forEach(name -> args.put(name, VALUES.get(name)));
        if (code.startsUpdate()) {
            args.put(EventCode.RUNS_ALREADY, "9.9.9");
        }
        for (Locale language : I18n.LANGUAGES) {
            I18n i18n = new I18n(language);
            String text = EventTexts.text(i18n, new EventView(1, "2026-12-04T06:00:00Z", "device", null, null, null,
                    "pending", "the English detail", null, code.wireName(), args));
            assertThat(text).as(code.wireName() + " in " + language).isNotBlank().doesNotContain("!")
                    .doesNotContain("{").isNotEqualTo("the English detail");
            for (String name : args.keySet()) {
                assertThat(text).as(code.wireName() + " in " + language + " shows " + name)
                        .contains(shown(i18n, name, args.get(name)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventCode.class)
    void anEventMissingAnArgumentIsLeftToItsDetail(EventCode code) {
        EventView older = new EventView(1, null, "device", null, null, null, "pending", "the English detail", null,
                code.wireName(), Map.of());
        assertThat(EventTexts.known(older)).isEqualTo(code.args().isEmpty() ? java.util.Optional.of(code)
                : java.util.Optional.empty());
    }

    /** How the text shows an argument's value. */
    private static String shown(I18n i18n, String name, Object value) {
        return switch (name) {
            case "at" -> i18n.dateTime((String) value);
            case "fotaResult" -> EventTexts.result(i18n, (Integer) value);
            case "actorRole" -> i18n.get("role." + value);
            default -> value instanceof Integer n ? i18n.number(n) : (String) value;
        };
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
