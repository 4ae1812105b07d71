package nl.fotadesk.ui.campaigns;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.CampaignConflict;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step 4: what was chosen, and what the server says the campaign would do: how many devices match,
 * are of another type, run the version already or are unknown, the phase sizes, and the devices
 * another campaign holds (which must be resolved before the campaign can be created); and, on request,
 * a rehearsal's forecast of the campaign.
 */
final class ReviewStep implements WizardStep {
    private final UiContext context;
    private final CampaignTexts texts;
    private final CampaignDraft draft;
    private final ObjectProperty<WizardData> data;
    private final Consumer<String> open;
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final GridPane summary = Forms.grid();
    private final VBox preview = new VBox(8);
    private final VBox conflicts = new VBox(8);
    private final ProgressIndicator loading = new ProgressIndicator();
    private final RehearsalModel rehearsal;
    /** Whether the preview found devices to rehearse. */
    private final BooleanProperty rehearsable = new SimpleBooleanProperty(false);
    private final VBox root;
    private int generation;

    ReviewStep(UiContext context, CampaignTexts texts, CampaignDraft draft, ObjectProperty<WizardData> data,
               Consumer<String> open) {
        this.context = context;
        this.texts = texts;
        this.draft = draft;
        this.data = data;
        this.open = open;

        summary.setId("wizard-summary");
        preview.setId("wizard-preview");
        conflicts.setId("wizard-conflicts");
        conflicts.getStyleClass().add("conflict-box");
        conflicts.managedProperty().bind(conflicts.visibleProperty());
        conflicts.setVisible(false);
        loading.setPrefSize(28, 28);

        VBox previewCard = Forms.card(Forms.section(texts.text("campaigns.wizard.devicesSection")), preview);
        VBox summaryCard = Forms.card(Forms.section(texts.text("campaigns.wizard.summarySection")), summary);
        rehearsal = new RehearsalModel(context);
        VBox rehearsalCard = RehearsalCard.of(context, rehearsal, "wizard", () -> rehearsal.rehearse(() ->
                new RehearsalRequest(draft.toNewCampaign(), null, null, null, null, null, null, null, null, null)),
                rehearsable.not());
        Permission.REHEARSE.offer(rehearsalCard, context);
        root = new VBox(16, conflicts, previewCard, rehearsalCard, summaryCard);
        root.getStyleClass().add("wizard-step-body");
    }

    @Override
    public String titleKey() {
        return "campaigns.step.review";
    }

    @Override
    public Node node() {
        return root;
    }

    /** True when the preview is in and the campaign can be created: devices to update, no conflicts. */
    ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    @Override
    public void enter() {
        fillSummary();
        ready.set(false);
        conflicts.setVisible(false);
        rehearsal.clear();
        rehearsal.forDeviceType(draft.firmware.get() == null ? null : draft.firmware.get().deviceType());
        rehearsable.set(false);
        Label counting = new Label(texts.text("campaigns.wizard.matchCounting"));
        preview.getChildren().setAll(Forms.inline(loading, counting));
        int mine = ++generation;
        NewCampaign request = draft.toNewCampaign();
        ServerCall.run(context, () -> context.client().previewCampaign(request), p -> {
            if (mine == generation) {
                show(p, request);
            }
        }, message -> {
            if (mine == generation) {
                Label error = new Label(texts.text("campaigns.wizard.previewFailed", message));
                error.getStyleClass().add("error-text");
                error.setWrapText(true);
                preview.getChildren().setAll(error);
            }
        });
    }

    @Override
    public boolean check() {
        return ready.get();
    }

    void stop() {
        generation++;
        rehearsal.clear();
    }

    /** The token of the forecast shown, which keeps it with the campaign created from this plan; null when none. */
    String forecastToken() {
        return rehearsal.forecastToken();
    }

    private void fillSummary() {
        summary.getChildren().clear();
        NewCampaign c = draft.toNewCampaign();
        Map<String, String> groupNames = new HashMap<>();
        if (data.get() != null) {
            data.get().groups().forEach(g -> groupNames.put(g.id(), g.name()));
        }
        add("campaigns.wizard.name", c.name());
        add("campaigns.wizard.firmware", draft.firmware.get() == null ? "" : texts.text("campaigns.firmwareOf",
                draft.firmware.get().deviceType(), draft.firmware.get().version()));
        add("campaigns.wizard.devicesRow", texts.target(c.target(), groupNames));
        add("campaigns.wizard.phases", String.join(" \u2192 ", c.phases().stream()
                .map(PhaseSpec::percent).map(texts::percent).toList()));
        add("campaigns.wizard.thresholdsRow", texts.text("campaigns.wizard.thresholdsValue",
                c.successThreshold(), c.errorThreshold()));
        add("campaigns.wizard.timeout", texts.duration(c.deviceTimeoutSeconds()));
        add("campaigns.wizard.retries", texts.number(c.maxRetries()));
        if (Boolean.TRUE.equals(c.vendorStrict())) {
            add("campaigns.wizard.downlink", texts.text("campaigns.wizard.vendorStrictShort"));
        }
        if (c.window() != null) {
            add("campaigns.wizard.window", texts.windowHours(c.window()));
            if (c.window().endsAt() != null) {
                add("campaigns.wizard.windowEnd", texts.windowMoment(c.window(), c.window().endsAt()));
            }
        }
    }

    private void add(String key, String value) {
        int row = summary.getRowCount();
        Label k = new Label(texts.text(key));
        k.getStyleClass().add("field-label");
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("detail-value");
        summary.add(k, 0, row);
        summary.add(v, 1, row);
    }

    private void show(CampaignPreview p, NewCampaign request) {
        String version = draft.firmware.get() == null ? "" : draft.firmware.get().version();
        Label headline = new Label(p.targeted() == 0 ? texts.text("campaigns.wizard.nothingToDo", version)
                : texts.text("campaigns.wizard.willUpdate", p.targeted(), version));
        headline.setId("wizard-targeted");
        headline.getStyleClass().addAll("preview-headline", p.targeted() == 0 ? "preview-empty" : "preview-ok");
        headline.setWrapText(true);

        GridPane numbers = Forms.grid();
        numbers.setId("wizard-preview-numbers");
        number(numbers, "campaigns.wizard.previewMatched", p.matched(), null);
        number(numbers, "campaigns.wizard.previewOtherType", p.otherType(), null);
        number(numbers, "campaigns.wizard.previewCurrent", p.alreadyCurrent(), version);
        if (draft.target().imeis() != null) {
            number(numbers, "campaigns.wizard.previewUnknown", p.unknownImeis().size(), null);
        }
        preview.getChildren().setAll(headline, numbers);
        if (!p.unknownImeis().isEmpty()) {
            preview.getChildren().add(Forms.help(texts.text("campaigns.wizard.unknownList",
                    String.join(", ", p.unknownImeis().subList(0, Math.min(10, p.unknownImeis().size()))),
                    p.unknownImeis().size())));
        }
        if (p.targeted() > 0) {
            Label phases = new Label(texts.text("campaigns.wizard.previewPhases", p.phaseSizes().size(),
                    String.join(" \u2192 ", p.phaseSizes().stream().map(n -> texts.number(n)).toList())));
            phases.setId("wizard-preview-phases");
            phases.setWrapText(true);
            preview.getChildren().addAll(phases,
                    new TargetedDevicesList(context, texts, request, version, p).node());
        } else {
            preview.getChildren().add(Forms.help(texts.text("campaigns.wizard.nothingHelp")));
        }
        showConflicts(p.conflicts());
        ready.set(p.targeted() > 0 && p.conflicts().isEmpty());
        rehearsable.set(p.targeted() > 0);
    }

    private void number(GridPane grid, String key, int n, String version) {
        Label value = new Label(texts.number(n));
        value.getStyleClass().add("preview-number");
        Label label = new Label(version == null ? texts.text(key, n) : texts.text(key, n, version));
        label.setWrapText(true);
        int row = grid.getRowCount();
        grid.add(value, 0, row);
        grid.add(label, 1, row);
        javafx.scene.layout.GridPane.setHalignment(value, javafx.geometry.HPos.RIGHT);
    }

    private void showConflicts(List<CampaignConflict> list) {
        conflicts.getChildren().clear();
        conflicts.setVisible(!list.isEmpty());
        if (list.isEmpty()) {
            return;
        }
        int held = list.stream().mapToInt(CampaignConflict::devices).sum();
        Label title = new Label(texts.text("campaigns.wizard.conflictTitle", held));
        title.getStyleClass().add("conflict-title");
        title.setWrapText(true);
        conflicts.getChildren().add(title);
        for (CampaignConflict c : list) {
            Label text = new Label(texts.text("campaigns.wizard.conflictLine", c.devices(), c.campaignName(),
                    String.join(", ", c.someImeis())));
            text.setWrapText(true);
            text.getStyleClass().add("conflict-line");
            Hyperlink link = new Hyperlink(texts.text("campaigns.wizard.conflictOpen", c.campaignName()));
            link.setOnAction(e -> open.accept(c.campaignId()));
            HBox line = new HBox(8, text, link);
            line.setAlignment(Pos.BASELINE_LEFT);
            conflicts.getChildren().add(line);
        }
        conflicts.getChildren().add(Forms.help(texts.text("campaigns.wizard.conflictHelp")));
    }
}
