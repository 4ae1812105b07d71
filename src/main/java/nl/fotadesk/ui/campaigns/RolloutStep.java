package nl.fotadesk.ui.campaigns;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 3: how the rollout goes. Cumulative phases (5 %, 25 %, 100 % by default), the success and
 * error thresholds that move a phase on or pause the campaign, the device timeout and retries, and an
 * optional maintenance window.
 */
final class RolloutStep implements WizardStep {
    private final CampaignTexts texts;
    private final CampaignDraft draft;
    private final Supplier<Integer> targeted;
    private final FormErrors errors;
    private final VBox phaseRows = new VBox(6);
    private final Label phaseSizes = new Label();
    private final Button addPhase = new Button();
    private final VBox root;

    RolloutStep(CampaignTexts texts, CampaignDraft draft, Supplier<Integer> targeted) {
        this.texts = texts;
        this.draft = draft;
        this.targeted = targeted;
        this.errors = new FormErrors(texts);

        phaseRows.setId("wizard-phases");
        addPhase.setText(texts.text("campaigns.wizard.addPhase"));
        addPhase.setId("wizard-add-phase");
        addPhase.setOnAction(e -> addPhase());
        phaseSizes.setId("wizard-phase-sizes");
        phaseSizes.getStyleClass().add("help-text");
        phaseSizes.setWrapText(true);
        draft.phases.addListener((ListChangeListener<StringProperty>) c -> rebuildPhases());
        Label phasesError = errors.label("phases", addPhase);
        VBox phases = new VBox(8, Forms.section(texts.text("campaigns.wizard.phases")),
                Forms.help(texts.text("campaigns.wizard.phasesHelp")), phaseRows, phasesError,
                Forms.inline(addPhase, phaseSizes));

        TextField success = percentField("wizard-success", draft.success);
        TextField error = percentField("wizard-error", draft.error);
        GridPane thresholds = Forms.grid();
        Forms.row(thresholds, Forms.fieldLabel(texts.text("campaigns.wizard.success"), success),
                Forms.inline(success, new Label("%")), Forms.help(texts.text("campaigns.wizard.successHelp")),
                errors.label("success", success));
        Forms.row(thresholds, Forms.fieldLabel(texts.text("campaigns.wizard.error"), error),
                Forms.inline(error, new Label("%")), Forms.help(texts.text("campaigns.wizard.errorHelp")),
                errors.label("error", error));

        TextField timeout = Forms.number("wizard-timeout", 5);
        timeout.textProperty().bindBidirectional(draft.timeout);
        ComboBox<CampaignDraft.TimeUnit> unit = new ComboBox<>();
        unit.setId("wizard-timeout-unit");
        unit.getItems().setAll(CampaignDraft.TimeUnit.values());
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(CampaignDraft.TimeUnit u) {
                return u == null ? "" : texts.text(u.key());
            }

            @Override
            public CampaignDraft.TimeUnit fromString(String s) {
                return null;
            }
        });
        unit.valueProperty().bindBidirectional(draft.timeoutUnit);
        TextField retries = Forms.number("wizard-retries", 3);
        retries.textProperty().bindBidirectional(draft.retries);
        CheckBox vendorStrict = new CheckBox(texts.text("campaigns.wizard.vendorStrict"));
        vendorStrict.setId("wizard-vendor-strict");
        vendorStrict.selectedProperty().bindBidirectional(draft.vendorStrict);
        GridPane stuck = Forms.grid();
        Forms.row(stuck, Forms.fieldLabel(texts.text("campaigns.wizard.timeout"), timeout),
                Forms.inline(timeout, unit), Forms.help(texts.text("campaigns.wizard.timeoutHelp",
                        CampaignDraft.MIN_TIMEOUT_SECONDS)), errors.label("timeout", timeout));
        Forms.row(stuck, Forms.fieldLabel(texts.text("campaigns.wizard.retries"), retries),
                Forms.inline(retries, new Label(texts.text("campaigns.wizard.retriesUnit"))),
                Forms.help(texts.text("campaigns.wizard.retriesHelp", CampaignDraft.MAX_RETRIES)),
                errors.label("retries", retries));
        Forms.row(stuck, Forms.fieldLabel(texts.text("campaigns.wizard.downlink"), vendorStrict), vendorStrict,
                Forms.help(texts.text("campaigns.wizard.vendorStrictHelp")), null);

        WindowCard window = new WindowCard(texts, draft, errors);
        List<Observable> inputs = new ArrayList<>(List.of(draft.phases, draft.success,
                draft.error, draft.timeout, draft.timeoutUnit, draft.retries, draft.windowEnabled, draft.windowZone,
                draft.windowFrom, draft.windowTo, draft.windowEndDate, draft.windowEndTime));
        inputs.addAll(draft.windowDays);
        errors.recheck(draft::checkRollout, inputs.toArray(Observable[]::new));
        root = new VBox(20, Forms.card(phases),
                Forms.card(Forms.section(texts.text("campaigns.wizard.thresholds")), thresholds),
                Forms.card(Forms.section(texts.text("campaigns.wizard.stuck")), stuck), window.node());
        root.getStyleClass().add("wizard-step-body");
        rebuildPhases();
    }

    @Override
    public String titleKey() {
        return "campaigns.step.rollout";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void enter() {
        updateSizes();
    }

    @Override
    public boolean check() {
        return errors.check();
    }

    private TextField percentField(String id, StringProperty value) {
        TextField f = Forms.number(id, 4);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private void rebuildPhases() {
        for (int i = 0; i < 32; i++) {
            errors.forget("phase" + i);
        }
        phaseRows.getChildren().clear();
        List<StringProperty> phases = draft.phases;
        for (int i = 0; i < phases.size(); i++) {
            StringProperty value = phases.get(i);
            Label name = new Label(texts.text("campaigns.wizard.phaseName", i + 1));
            name.getStyleClass().add("field-label");
            name.setMinWidth(158);
            TextField percent = Forms.number("wizard-phase-" + (i + 1), 4);
            percent.textProperty().bindBidirectional(value);
            percent.textProperty().addListener((o, a, b) -> {
                updateSizes();
                errors.again();
            });
            Label upTo = new Label(texts.text("campaigns.wizard.phaseUpTo"));
            Button remove = new Button("\u2715");
            remove.setId("wizard-phase-remove-" + (i + 1));
            remove.getStyleClass().add("icon-button");
            remove.setTooltip(new Tooltip(texts.text("campaigns.wizard.removePhase", i + 1)));
            remove.setDisable(phases.size() == 1);
            int index = i;
            remove.setOnAction(e -> draft.phases.remove(index));
            HBox row = new HBox(8, name, percent, upTo, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            Label error = errors.label("phase" + i, percent);
            phaseRows.getChildren().add(new VBox(2, row, indent(error)));
        }
        addPhase.setDisable(phases.size() >= CampaignDraft.MAX_PHASES);
        updateSizes();
        errors.again();
    }

    private static Node indent(Label error) {
        error.setPadding(new javafx.geometry.Insets(0, 0, 0, 166));
        return error;
    }

    /** A new phase goes before the last one, halfway between its neighbours (5, 25, 100 gives 5, 25, 63, 100). */
    private void addPhase() {
        List<Integer> ends = draft.phaseEnds();
        int last = ends.get(ends.size() - 1);
        int before = ends.size() > 1 ? ends.get(ends.size() - 2) : 0;
        if (last == 100 && last - before >= 2) {
            draft.phases.add(draft.phases.size() - 1, new SimpleStringProperty(String.valueOf((before + last + 1) / 2)));
        } else {
            draft.phases.add(new SimpleStringProperty("100"));
        }
    }

    private void updateSizes() {
        Integer total = targeted.get();
        if (total == null || !draft.checkRollout().stream().noneMatch(p -> p.field().startsWith("phase"))) {
            phaseSizes.setText("");
            return;
        }
        List<Integer> sizes = CampaignDraft.phaseSizes(draft.phaseEnds(), total);
        phaseSizes.setText(texts.text("campaigns.wizard.phaseSizes", total, String.join(" \u2192 ",
                sizes.stream().map(n -> texts.number(n)).toList())));
    }
}
