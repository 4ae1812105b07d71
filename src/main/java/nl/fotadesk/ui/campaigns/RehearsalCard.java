package nl.fotadesk.ui.campaigns;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import nl.fotadesk.ui.ChoiceCells;
import nl.fotadesk.ui.UiContext;

/**
 * The Rehearsal card, as the campaign wizard's review and an update request's review show it: what the
 * forecast assumes (the price of 1 MB and the device type's bearer, set before rehearsing), the Rehearse
 * button, and the forecast with its chart. Its ids start with a prefix: {@code wizard-rehearse},
 * {@code request-forecast}.
 */
public final class RehearsalCard {
    private RehearsalCard() {
    }

    /**
     * The card for {@code model}; Rehearse runs {@code rehearse} (which asks {@code model} to rehearse the plan
     * shown), offered while {@code blocked} is false and no rehearsal runs.
     */
    public static VBox of(UiContext context, RehearsalModel model, String idPrefix, Runnable rehearse,
                          ObservableBooleanValue blocked) {
        CampaignTexts texts = new CampaignTexts(context.i18n());
        TextField price = new TextField();
        price.setId(idPrefix + "-price");
        price.setPrefColumnCount(6);
        price.setPromptText(texts.text("campaigns.forecast.pricePrompt"));
        price.textProperty().bindBidirectional(model.price);
        ComboBox<String> bearer = new ComboBox<>(FXCollections.observableArrayList(RehearsalModel.BEARERS));
        bearer.setId(idPrefix + "-bearer");
        ChoiceCells.wordAs(bearer, texts::bearer);
        bearer.valueProperty().bindBidirectional(model.bearer);
        Button button = new Button(texts.text("campaigns.forecast.rehearse"));
        button.setId(idPrefix + "-rehearse");
        button.setTooltip(new Tooltip(texts.text("campaigns.forecast.rehearseTip")));
        button.disableProperty().bind(model.running.or(blocked));
        button.setOnAction(e -> rehearse.run());
        FlowPane settings = new FlowPane(16, 8, Forms.inline(new Label(texts.text("campaigns.forecast.price")), price),
                Forms.inline(new Label(texts.text("campaigns.forecast.bearer")), bearer), button);
        settings.setAlignment(Pos.CENTER_LEFT);

        VBox forecast = new VBox(8);
        forecast.setId(idPrefix + "-forecast");
        Runnable show = () -> {
            if (model.running.get()) {
                ProgressIndicator busy = new ProgressIndicator();
                busy.setPrefSize(28, 28);
                forecast.getChildren().setAll(Forms.inline(busy, new Label(texts.text("campaigns.forecast.running"))));
            } else if (!model.problem.get().isEmpty()) {
                Label error = new Label(model.problem.get());
                error.getStyleClass().add("error-text");
                error.setWrapText(true);
                forecast.getChildren().setAll(error);
            } else if (model.forecast.get() != null) {
                forecast.getChildren().setAll(ForecastPane.of(texts, model.forecast.get(),
                        ForecastChart.of(texts, model.forecast.get())));
            } else {
                forecast.getChildren().clear();
            }
        };
        // the model may outlive the card (a screen drawn anew keeps its model): the card holds its listener
        InvalidationListener redraw = o -> show.run();
        forecast.getProperties().put(RehearsalCard.class, redraw);
        WeakInvalidationListener weak = new WeakInvalidationListener(redraw);
        model.running.addListener(weak);
        model.problem.addListener(weak);
        model.forecast.addListener(weak);
        show.run();
        return Forms.card(Forms.section(texts.text("campaigns.forecast.section")),
                Forms.help(texts.text("campaigns.forecast.help")), settings, forecast);
    }
}
