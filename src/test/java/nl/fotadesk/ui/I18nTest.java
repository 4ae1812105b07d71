package nl.fotadesk.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string in both languages, with the same placeholders, and no key used in code that does not exist. */
class I18nTest {
    static final Path ENGLISH = Path.of("i18n/messages.properties");
    static final Path DUTCH = Path.of("i18n/messages_nl.properties");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = load(ENGLISH);
        Properties nl = load(DUTCH);
        assertThat(new TreeSet<>(nl.stringPropertyNames())).as("keys missing in Dutch (left) or English (right)")
                .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() throws IOException {
        Properties en = load(ENGLISH);
        Properties nl = load(DUTCH);
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(nl.getProperty(key, ""))).as("placeholders of " + key)
                    .isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void dutchIsReallyTranslated() throws IOException {
        Properties en = load(ENGLISH);
        Properties nl = load(DUTCH);
        long same = en.stringPropertyNames().stream()
                .filter(k -> en.getProperty(k).length() > 12 && en.getProperty(k).equals(nl.getProperty(k))).count();
        assertThat(same).as("long texts left in English in the Dutch file").isZero();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties en = load(ENGLISH);
        Set<String> namespaces = en.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/nl/fotadesk/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (namespaces.contains(key.substring(0, key.indexOf('.'))) && !en.containsKey(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        for (ConnectionState s : ConnectionState.values()) {
            if (!en.containsKey(s.key())) {
                missing.add(s.key());
            }
        }
        assertThat(missing).as("keys used in code but missing in i18n/messages.properties").isEmpty();
    }

    @Test
    void theAppFindsEachLanguageWhateverTheSystemLanguage() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(I18n.DUTCH);
            assertThat(new I18n(I18n.ENGLISH).get("nav.devices")).isEqualTo("Devices");
            assertThat(new I18n(I18n.DUTCH).get("nav.devices")).isEqualTo("Apparaten");
            assertThat(new I18n(Locale.GERMAN).get("nav.devices")).as("unknown languages get English").isEqualTo("Devices");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
