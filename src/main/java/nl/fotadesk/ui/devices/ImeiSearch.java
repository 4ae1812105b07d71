package nl.fotadesk.ui.devices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The IMEI search of the devices screen as typed and as applied: the list shows the answer to what
 * was applied, so what is typed but not applied yet is pending. The server takes the digits typed.
 */
final class ImeiSearch {
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanProperty pending = new SimpleBooleanProperty();
    private String applied = "";

    ImeiSearch() {
        typed.addListener((o, old, now) -> pending.set(!digits(now).equals(applied)));
    }

    /** The search as typed; {@link #apply()} applies it. */
    StringProperty typedProperty() {
        return typed;
    }

    /** True while a search is typed but not applied yet. */
    ReadOnlyBooleanProperty pendingProperty() {
        return pending;
    }

    /** The digits of the search as last applied; empty for none. */
    String applied() {
        return applied;
    }

    /** Applies the search as typed; true when that changed what is searched. */
    boolean apply() {
        String now = digits(typed.get());
        if (now.equals(applied)) {
            return false;
        }
        applied = now;
        pending.set(false);
        return true;
    }

    /** The search as it was elsewhere (a screen in another language): typed, and applied. */
    void restore(String typedText, String appliedDigits) {
        applied = appliedDigits;
        typed.set(typedText);
        pending.set(!digits(typedText).equals(applied));
    }

    /** No search, typed nor applied. */
    void clear() {
        applied = "";
        typed.set("");
    }

    /** The search as the server takes it: the digits typed. */
    static String digits(String typed) {
        return typed == null ? "" : typed.replaceAll("[^0-9]", "");
    }

    /** True when the search holds something other than digits, spaces and dashes. */
    static boolean hasNonDigits(String typed) {
        return typed != null && !typed.replaceAll("[\\s-]", "").chars().allMatch(Character::isDigit);
    }
}
