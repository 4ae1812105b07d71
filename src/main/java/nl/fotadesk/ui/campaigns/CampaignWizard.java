package nl.fotadesk.ui.campaigns;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * The new-campaign wizard: firmware, devices, rollout, review. Each step is checked before Next; the
 * review asks the server what the campaign would target, and Create makes it (and starts it if asked).
 */
final class CampaignWizard implements CampaignPage {
    /** What a wizard built again keeps: the inputs, the server's choices and the step shown. */
    record Kept(CampaignDraft draft, WizardData data, int step) {
    }

    private final UiContext context;
    private final CampaignTexts texts;
    private final Runnable close;
    private final Consumer<String> open;
    private final CampaignDraft draft;
    private final ObjectProperty<WizardData> data = new SimpleObjectProperty<>();
    private final List<WizardStep> steps;
    private final ReviewStep review;
    private final VBox root = new VBox();
    private final HBox stepBar = new HBox(6);
    private final ScrollPane body = new ScrollPane();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button finish = new Button();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final CheckBox startNow = new CheckBox();
    private int current;
    private boolean creating;

    CampaignWizard(UiContext context, CampaignTexts texts, Runnable close, Consumer<String> open) {
        this(context, texts, close, open, new Kept(new CampaignDraft(), null, 0));
    }

    /** The wizard with what an earlier one {@link #kept() kept}: its inputs, choices and step. */
    CampaignWizard(UiContext context, CampaignTexts texts, Runnable close, Consumer<String> open, Kept kept) {
        this.context = context;
        this.texts = texts;
        this.close = close;
        this.open = open;
        this.draft = kept.draft();
        data.set(kept.data());
        TargetStep target = new TargetStep(context, texts, draft, data);
        review = new ReviewStep(context, texts, draft, data, open);
        steps = List.of(new FirmwareStep(texts, draft, data), target, new RolloutStep(texts, draft, target::targeted),
                review);
        build();
        show(kept.step());
    }

    /** The inputs (a copy), the server's choices and the step shown, for a wizard built again. */
    Kept kept() {
        return new Kept(draft.copy(), data.get(), current);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void load() {
        if (data.get() != null) {
            return;
        }
        error.setText("");
        ServerCall.run(context, () -> new WizardData(context.client().firmware(), context.client().clients(),
                context.client().deviceTypes(), context.client().groups()).sorted(), data::set,
                message -> error.setText(texts.text("campaigns.wizard.loadFailed", message)));
    }

    @Override
    public void stop() {
        review.stop();
    }

    private void build() {
        Hyperlink toList = new Hyperlink(texts.text("campaigns.backToList"));
        toList.setId("wizard-back-to-list");
        toList.setOnAction(e -> close.run());
        Label title = new Label(texts.text("campaigns.wizard.title"));
        title.getStyleClass().add("screen-title");
        VBox heading = new VBox(2, toList, title);

        stepBar.getStyleClass().add("wizard-steps");
        stepBar.setAlignment(Pos.CENTER_LEFT);
        stepBar.setId("wizard-steps");

        body.setFitToWidth(true);
        body.getStyleClass().add("wizard-body");
        VBox.setVgrow(body, Priority.ALWAYS);

        Button cancel = new Button(texts.text("campaigns.wizard.cancel"));
        cancel.setId("wizard-cancel");
        cancel.setOnAction(e -> close.run());
        back.setText(texts.text("campaigns.wizard.back"));
        back.setId("wizard-back");
        back.setOnAction(e -> show(current - 1));
        next.setText(texts.text("campaigns.wizard.next"));
        next.setMinWidth(Region.USE_PREF_SIZE);
        back.setMinWidth(Region.USE_PREF_SIZE);
        finish.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.getStyleClass().add("primary-button");
        next.setOnAction(e -> {
            if (steps.get(current).check()) {
                show(current + 1);
            }
        });
        finish.setId("wizard-finish");
        finish.getStyleClass().add("primary-button");
        finish.textProperty().bind(javafx.beans.binding.Bindings.when(draft.startNow)
                .then(texts.text("campaigns.wizard.createAndStart")).otherwise(texts.text("campaigns.wizard.create")));
        finish.disableProperty().bind(review.readyProperty().not());
        finish.setOnAction(e -> create());
        busy.setPrefSize(20, 20);
        busy.setVisible(false);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setId("wizard-error");
        HBox.setHgrow(error, Priority.ALWAYS);
        error.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        startNow.setText(texts.text("campaigns.wizard.startNow"));
        startNow.setId("wizard-start-now");
        startNow.setTooltip(new Tooltip(texts.text("campaigns.wizard.startNowHelp")));
        startNow.setMinWidth(Region.USE_PREF_SIZE);
        startNow.selectedProperty().bindBidirectional(draft.startNow);
        HBox footer = new HBox(8, cancel, error, spacer, busy, startNow, back, next, finish);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("wizard-footer");

        root.getChildren().addAll(heading, stepBar, body, footer);
        root.getStyleClass().addAll("screen", "campaign-wizard");
        root.setId("campaign-wizard");
    }

    private void show(int index) {
        current = index;
        error.setText("");
        WizardStep step = steps.get(index);
        body.setContent(step.node());
        body.setVvalue(0);
        stepBar.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            Label number = new Label(String.valueOf(i + 1));
            number.getStyleClass().add("wizard-step-number");
            Label name = new Label(texts.text(steps.get(i).titleKey()));
            HBox item = new HBox(6, number, name);
            item.setAlignment(Pos.CENTER_LEFT);
            item.getStyleClass().addAll("wizard-step", i < index ? "wizard-step-done" : i == index
                    ? "wizard-step-current" : "wizard-step-todo");
            item.setId("wizard-step-" + (i + 1));
            if (i > 0) {
                Label arrow = new Label("\u203a");
                arrow.getStyleClass().add("wizard-step-arrow");
                stepBar.getChildren().add(arrow);
            }
            stepBar.getChildren().add(item);
        }
        boolean last = index == steps.size() - 1;
        back.setDisable(index == 0);
        next.setVisible(!last);
        next.setManaged(!last);
        next.setDefaultButton(!last);
        finish.setVisible(last);
        finish.setManaged(last);
        startNow.setVisible(last);
        startNow.setManaged(last);
        finish.setDefaultButton(last);
        step.enter();
    }

    private void create() {
        if (creating || !review.readyProperty().get()) {
            return;
        }
        creating = true;
        busy.setVisible(true);
        error.setText("");
        finish.disableProperty().unbind();
        finish.setDisable(true);
        NewCampaign campaign = draft.toNewCampaign().withForecastToken(review.forecastToken()); // the forecast shown stays with it
        ServerCall.run(context, () -> context.client().createCampaign(campaign), created -> {
            creating = false;
            open.accept(created.id());
        }, message -> {
            creating = false;
            busy.setVisible(false);
            finish.disableProperty().bind(review.readyProperty().not());
            error.setText(texts.text("campaigns.wizard.createFailed", message));
            review.enter();
        });
    }
}
