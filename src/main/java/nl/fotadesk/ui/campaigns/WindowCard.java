package nl.fotadesk.ui.campaigns;

import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The wizard's maintenance window (part of step 3): off by default; when on, the time zone, the days and
 * the hours within which the campaign starts phases and sends downloads, and optionally when the window
 * ends for good (a date and a time in that zone).
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
        TextField endTime = Forms.number("wizard-window-end-time", 5);
        Node end = endFields(texts, draft, endTime, errors);
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowZone"), zone), zone, null,
                errors.label("windowZone", zone));
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowDays"), days), days, null,
                errors.label("windowDays", days));
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowHours"), from),
                Forms.inline(from, new Label(texts.text("campaigns.wizard.windowTo")), to),
                Forms.help(texts.text("campaigns.wizard.windowHoursHelp")), errors.label("windowHours", from));
        Forms.row(fields, Forms.fieldLabel(texts.text("campaigns.wizard.windowEnd"), end), end,
                Forms.help(texts.text("campaigns.wizard.windowEndHelp")), errors.label("windowEnd", endTime));
        fields.visibleProperty().bind(draft.windowEnabled);
        fields.managedProperty().bind(draft.windowEnabled);
        root = Forms.card(Forms.section(texts.text("campaigns.wizard.window")),
                Forms.help(texts.text("campaigns.wizard.windowHelp")), enabled, fields);
    }

    Node node() {
        return root;
    }

    /**
     * The end: a date, the {@code time} field and a button that clears both, with the date's error, and a note
     * when the time happens twice that night.
     */
    private static Node endFields(CampaignTexts texts, CampaignDraft draft, TextField time, FormErrors errors) {
        DatePicker date = new DatePicker();
        date.setId("wizard-window-end-date");
        date.setConverter(dates(texts.i18n().locale()));
        date.setPromptText(texts.text("campaigns.wizard.windowEndDate"));
        date.setPrefWidth(150);
        date.valueProperty().bindBidirectional(draft.windowEndDate);
        time.setPromptText("06:00");
        time.textProperty().bindBidirectional(draft.windowEndTime);
        Button clear = new Button(texts.text("campaigns.wizard.windowEndClear"));
        clear.setId("wizard-window-end-clear");
        clear.setTooltip(new Tooltip(texts.text("campaigns.wizard.windowEndClearTip")));
        clear.setMinWidth(Button.USE_PREF_SIZE);
        clear.disableProperty().bind(draft.windowEndDate.isNull().and(draft.windowEndTime.isEmpty()));
        clear.setOnAction(e -> {
            draft.windowEndDate.set(null);
            draft.windowEndTime.set("");
        });
        Label note = Forms.help("");
        note.setId("wizard-window-end-note");
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        Runnable explain = () -> note.setText(draft.windowEndNote()
                .map(n -> texts.text(n.key(), texts.args(n.args()))).orElse(""));
        for (Observable input : new Observable[] {draft.windowZone, draft.windowEndDate, draft.windowEndTime}) {
            input.addListener(o -> explain.run());
        }
        explain.run();
        return new VBox(4, Forms.inline(date, time, clear), errors.label("windowEndDate", date), note);
    }

    /** Dates shown with the month in words ("Dec 18, 2026", "18 dec. 2026"), and taken so or in figures as typed. */
    private static StringConverter<LocalDate> dates(Locale locale) {
        DateTimeFormatter shown = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<DateTimeFormatter> taken = List.of(shown, DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(locale), DateTimeFormatter.ISO_LOCAL_DATE);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : shown.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                String t = text == null ? "" : text.trim();
                for (DateTimeFormatter f : taken) {
                    try {
                        return t.isEmpty() ? null : LocalDate.parse(t, f);
                    } catch (DateTimeParseException e) {
                        // the next way of writing it
                    }
                }
                return null;
            }
        };
    }
}
