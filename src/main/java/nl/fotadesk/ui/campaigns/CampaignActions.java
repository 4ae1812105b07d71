package nl.fotadesk.ui.campaigns;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.ui.ConfirmDialog;

import java.time.Instant;

/**
 * The buttons for one campaign: rehearse, start, pause, resume, retry failed, cancel. Each is enabled only in
 * the states where the server accepts it; cancel asks first, as it cannot be undone. A campaign the server
 * does not mark changeable (it also updates devices outside the user's scope) shows why instead. Once the
 * campaign's maintenance window has ended, start, resume and retry are off (the server refuses them; the
 * banner says why).
 */
final class CampaignActions {
    private final CampaignTexts texts;
    private final CampaignDetailModel model;
    private final Button rehearse;
    private final Button start;
    private final Button pause;
    private final Button resume;
    private final Button retry;
    private final Button cancel;
    private final Label operatorsOnly;
    private final HBox root;

    CampaignActions(CampaignTexts texts, CampaignDetailModel model) {
        this.texts = texts;
        this.model = model;
        rehearse = button("campaign-rehearse", "campaigns.action.rehearse", "campaigns.action.rehearseTip");
        start = button("campaign-start", "campaigns.action.start", "campaigns.action.startTip");
        pause = button("campaign-pause", "campaigns.action.pause", "campaigns.action.pauseTip");
        resume = button("campaign-resume", "campaigns.action.resume", "campaigns.action.resumeTip");
        retry = button("campaign-retry", "campaigns.action.retry", "campaigns.action.retryTip");
        cancel = button("campaign-cancel", "campaigns.action.cancel", "campaigns.action.cancelTip");
        operatorsOnly = new Label(texts.text("campaigns.action.operatorsOnly"));
        operatorsOnly.setId("campaign-operators-only");
        operatorsOnly.getStyleClass().add("help-text");
        operatorsOnly.setWrapText(true);
        operatorsOnly.setMaxWidth(380); // two lines beside the title rather than one that squeezes it
        operatorsOnly.setMinHeight(Label.USE_PREF_SIZE);
        root = new HBox(8, operatorsOnly, rehearse, start, pause, resume, retry, cancel);
        root.setAlignment(Pos.CENTER_RIGHT);
        root.getStyleClass().add("campaign-actions");
        start.getStyleClass().add("primary-button");
        resume.getStyleClass().add("primary-button");
        cancel.getStyleClass().add("danger-button");
        rehearse.setOnAction(e -> model.rehearse());
        start.setOnAction(e -> model.start());
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        retry.setOnAction(e -> model.retryFailed());
        cancel.setOnAction(e -> confirmCancel());
        model.busy.addListener((o, a, b) -> update());
        model.campaign.addListener((o, a, b) -> update());
        update();
    }

    private Button button(String id, String key, String tipKey) {
        Button b = new Button(texts.text(key));
        b.setId(id);
        b.setTooltip(new Tooltip(texts.text(tipKey)));
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    Region node() {
        return root;
    }

    /** Enables and shows the buttons for the campaign as it stands now. */
    void update() {
        CampaignView c = model.campaign.get();
        CampaignState s = c == null ? null : c.state();
        boolean busy = model.busy.get() || c == null;
        boolean ended = c != null && WindowNotes.ended(c, Instant.now());
        int failed = c == null ? 0 : Counts.of(c.counts(), c.devices()).failed();
        boolean rehearsable = s == CampaignState.DRAFT || s == CampaignState.SCHEDULED;
        rehearse.setDisable(busy || !rehearsable);
        start.setDisable(busy || ended || s != CampaignState.DRAFT);
        pause.setDisable(busy || (s != CampaignState.RUNNING && s != CampaignState.SCHEDULED));
        resume.setDisable(busy || ended || s != CampaignState.PAUSED);
        retry.setDisable(busy || ended || failed == 0 || s == CampaignState.CANCELLED || s == CampaignState.DRAFT
                || s == CampaignState.SCHEDULED);
        cancel.setDisable(busy || s == null || s == CampaignState.COMPLETED || s == CampaignState.CANCELLED);
        // Start only for a draft, and Resume in the place of Pause while paused.
        boolean changeable = c == null || c.changeable();
        show(operatorsOnly, !changeable);
        show(rehearse, changeable && rehearsable && model.mayRehearse());
        show(start, changeable && s == CampaignState.DRAFT);
        show(pause, changeable && s != CampaignState.PAUSED);
        show(resume, changeable && s == CampaignState.PAUSED);
        show(retry, changeable);
        show(cancel, changeable);
        retry.setText(failed > 0 ? texts.text("campaigns.action.retryCount", failed) : texts.text("campaigns.action.retry"));
    }

    private static void show(Control b, boolean shown) {
        b.setVisible(shown);
        b.setManaged(shown);
    }

    private void confirmCancel() {
        CampaignView c = model.campaign.get();
        if (c == null) {
            return;
        }
        Counts counts = Counts.of(c.counts(), c.devices());
        new ConfirmDialog(texts.text("campaigns.confirmCancel.title"),
                texts.text("campaigns.confirmCancel.header", c.name()),
                texts.text("campaigns.confirmCancel.text", counts.inFlight() + counts.waiting(), counts.succeeded()),
                texts.text("campaigns.confirmCancel.yes"), texts.text("campaigns.confirmCancel.no"))
                .ids("campaign-cancel-dialog", "campaign-cancel-confirm", "campaign-cancel-keep")
                .show(root, model::cancel);
    }
}
