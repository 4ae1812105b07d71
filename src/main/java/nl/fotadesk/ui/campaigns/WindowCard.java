package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The wizard's maintenance window (part of step 3): off by default; when on, the time zone, the days and
 * the hours within which the campaign starts phases and sends downloads.
 */
final class WindowCard {
    private final VBox root;

    WindowCard(CampaignTexts texts, CampaignDraft draft, FormErrors errors) {
        CheckBox enabled = new CheckBox(texts.text("campaigns.wizard.windowEnabled"));
        enabled.setId("wizard-window");
        enabled.selectedProperty().bindBidirectional(draft.windowEnabled);

        TextField zone = new TextField();
        zone.setId("wizard-window-zone");
        zone.setPrefColumnCount(16);
        zone.setMaxWidth(Region.USE_PREF_SIZE);
        zone.textProperty().bindBidirectional(draft.windowZone);
        HBox days = new HBox(10);
        for (DayOfWeek day : DayOfWeek.values()) {
            CheckBox box = new CheckBox(day.getDisplayName(TextStyle.SHORT, texts.i18n().locale()));
            box.setId("wizard-window-" + day.name().substring(0, 3).toLowerCase(Locale.ROOT));
            box.selectedProperty().bindBidirectional(draft.windowDays.get(day.ordinal()));
            days.getChildren().add(box);
        }
        TextField from = Forms.number("wizard-window-from", 5);
        from.setPromptText("02:00");
        from.textProperty().bindBidirectional(draft.windowFrom);
        TextField to = Forms.number("wizard-window-to", 5);
        to.setPromptText("05:00");
        to.textProperty().bindBidirectional(draft.windowTo);

        GridPane fields = Forms.grid();
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowZone"), zone), zone, null,
                errors.label("windowZone", zone));
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowDays"), days), days, null,
                errors.label("windowDays", days));
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowHours"), from),
                Forms.inline(from, new Label(texts.text("campaigns.wizard.windowTo")), to),
                Forms.help(texts.text("campaigns.wizard.windowHoursHelp")), errors.label("windowHours", from));
        fields.visibleProperty().bind(draft.windowEnabled);
        fields.managedProperty().bind(draft.windowEnabled);
        root = Forms.card(Forms.section(texts.text("campaigns.wizard.window")),
                Forms.help(texts.text("campaigns.wizard.windowHelp")), enabled, fields);
    }

    Node node() {
        return root;
    }
}
