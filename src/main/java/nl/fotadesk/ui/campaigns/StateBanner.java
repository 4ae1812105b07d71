package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.CampaignView;

import java.time.Instant;

/**
 * Where the campaign stands and why, in a coloured band under its name, with what the operator can
 * do next: a paused campaign says why it paused and how to go on; one that waits for its maintenance
 * window says when that opens, and one whose window ended says what is no longer possible.
 */
final class StateBanner {
    private final CampaignTexts texts;
    private final WindowNotes window;
    private final Label headline = new Label();
    private final Label hint = new Label();
    private final VBox root = new VBox(4, headline, hint);

    StateBanner(CampaignTexts texts) {
        this.texts = texts;
        this.window = new WindowNotes(texts);
        root.getStyleClass().add("state-banner");
        root.setId("campaign-banner");
        headline.setId("campaign-reason");
        headline.getStyleClass().add("banner-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Label.USE_PREF_SIZE);
        hint.setId("campaign-hint");
        hint.getStyleClass().add("banner-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);
        root.setMinHeight(VBox.USE_PREF_SIZE);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.managedProperty());
    }

    Node node() {
        return root;
    }

    /** Shows {@code c} as it stands at {@code now}. */
    void show(CampaignView c, Instant now) {
        root.getStyleClass().removeIf(s -> s.startsWith("banner-state-"));
        root.getStyleClass().add("banner-state-" + c.state().wireName());
        String reason = StateReasons.explainNow(texts.i18n(), c);
        Counts counts = Counts.of(c.counts(), c.devices());
        switch (c.state()) {
            case DRAFT -> {
                headline.setText(texts.text("campaigns.banner.draft"));
                hint.setText(texts.text("campaigns.banner.draftHint"));
            }
            case SCHEDULED -> {
                headline.setText(reason.isEmpty() ? texts.text("campaigns.banner.scheduled") : reason);
                hint.setText(texts.text("campaigns.banner.scheduledHint"));
            }
            case RUNNING -> {
                int phases = c.phases() == null ? 0 : c.phases().size();
                String running = c.currentPhase() < 0 ? texts.text("campaigns.banner.runningLast")
                        : texts.text("campaigns.banner.running", c.currentPhase() + 1, phases);
                headline.setText(reason.isEmpty() ? running : running + " " + reason);
                hint.setText(texts.text(c.opensAt() == null ? "campaigns.banner.runningHint" : "campaigns.banner.waitingHint"));
            }
            case PAUSED -> {
                headline.setText(StateReasons.pausedByWindowEnd(c)
                        ? texts.text("campaigns.banner.pausedWindowEnded")
                        : reason.isEmpty() ? texts.text("campaigns.reason.pausedByOperator") : reason);
                hint.setText(texts.text(StateReasons.retriedSincePause(c) ? "campaigns.banner.pausedRetriedHint"
                        : StateReasons.pausedByThreshold(c) ? "campaigns.banner.pausedThresholdHint"
                        : "campaigns.banner.pausedHint"));
            }
            case COMPLETED -> {
                headline.setText(reason.isEmpty()
                        ? texts.text("campaigns.reason.completed", counts.succeeded(), counts.failed()) : reason);
                hint.setText(counts.failed() > 0 ? texts.text("campaigns.banner.completedFailedHint", counts.failed())
                        : texts.text("campaigns.banner.completedHint"));
            }
            case CANCELLED -> {
                headline.setText(reason.isEmpty() ? texts.text("campaigns.reason.cancelledByOperator") : reason);
                hint.setText(texts.text("campaigns.banner.cancelledHint"));
            }
        }
        window.waiting(c, now).ifPresent(w -> headline.setText(headline.getText() + " " + w));
        window.endedHint(c, now).ifPresent(hint::setText);
    }
}
