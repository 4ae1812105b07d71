package nl.fotadesk.ui.campaigns;

import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Messages shown under the fields of a form, one label per field, and the field marked as wrong. */
final class FormErrors {
    private record Field(Label label, Node control) {
    }

    private final CampaignTexts texts;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private Supplier<List<CampaignDraft.Problem>> check = List::of;
    private boolean showing;

    FormErrors(CampaignTexts texts) {
        this.texts = texts;
    }

    /** A hidden error label for {@code field}, to place under its control. */
    Label label(String field, Node control) {
        Label label = new Label();
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.setId("wizard-error-" + field);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        fields.put(field, new Field(label, control));
        return label;
    }

    void forget(String field) {
        fields.remove(field);
    }

    /**
     * Once problems are shown, checks again with {@code check} whenever one of {@code inputs} changes, so a
     * message goes away as soon as the user fixed what it is about.
     */
    void recheck(Supplier<List<CampaignDraft.Problem>> check, Observable... inputs) {
        this.check = check;
        for (Observable input : inputs) {
            input.addListener(o -> again());
        }
    }

    /** Checks again now, if problems are shown. */
    void again() {
        if (showing) {
            show(check.get(), false);
        }
    }

    /** Checks with the {@link #recheck} check and shows the problems; true when there are none. */
    boolean check() {
        return show(check.get());
    }

    /** Shows {@code problems} (clearing the others); focuses the first wrong field; true when there are none. */
    boolean show(List<CampaignDraft.Problem> problems) {
        return show(problems, true);
    }

    private boolean show(List<CampaignDraft.Problem> problems, boolean focus) {
        showing = !problems.isEmpty();
        fields.values().forEach(f -> {
            f.label().setText("");
            if (f.control() != null) {
                f.control().getStyleClass().remove("field-invalid");
            }
        });
        boolean focused = !focus;
        for (CampaignDraft.Problem p : problems) {
            Field f = fields.get(p.field());
            if (f == null) {
                continue;
            }
            String message = texts.text(p.key(), texts.args(p.args()));
            f.label().setText(f.label().getText().isEmpty() ? message : f.label().getText() + "\n" + message);
            if (f.control() != null) {
                f.control().getStyleClass().add("field-invalid");
                if (!focused && f.control() instanceof Control c) {
                    c.requestFocus();
                    focused = true;
                }
            }
        }
        return problems.isEmpty();
    }
}
