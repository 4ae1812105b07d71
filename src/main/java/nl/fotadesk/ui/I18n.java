package nl.fotadesk.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every visible string, from {@code i18n/messages*.properties} (English and Dutch), and dates and
 * numbers in the user's language. Switching {@link #localeProperty()} re-renders the app.
 */
public final class I18n {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, DUTCH);
    static final String BUNDLE = "messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        locale.addListener((o, old, now) -> bundle = load(now));
        locale.set(supported(initial));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text for {@code key} with {@code args} filled in ({@link MessageFormat}). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** A date and time in the user's time zone and language; empty for null. */
    public String dateTime(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(t);
    }

    /** A date and time from the API's ISO-8601 text. */
    public String dateTime(String iso) {
        return iso == null ? "" : dateTime(Instant.parse(iso));
    }

    /** Bytes as B, KiB or MiB, in the user's number format. */
    public String bytes(long n) {
        if (n < 1024) {
            return get("unit.bytes", n);
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(1);
        return n < 1024 * 1024 ? get("unit.kib", f.format(n / 1024.0)) : get("unit.mib", f.format(n / 1048576.0));
    }

    static Locale supported(Locale wanted) {
        return wanted != null && wanted.getLanguage().equals("nl") ? DUTCH : ENGLISH;
    }

    static ResourceBundle load(Locale locale) {
        // no fallback to the JVM's default locale: English is the base bundle
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
