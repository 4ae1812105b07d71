package nl.fotadesk.ui.devices;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import nl.fotadesk.ui.UiContext;

import java.util.function.Consumer;

/** Campaigns named in the detail pane, as links that open them where campaigns can be opened from here. */
final class CampaignLinks {
    private final UiContext context;
    private final ObjectProperty<Consumer<String>> open;

    /** @param open opens a campaign by its id on the campaigns screen; holds null while nobody can */
    CampaignLinks(UiContext context, ObjectProperty<Consumer<String>> open) {
        this.context = context;
        this.open = open;
    }

    /** Runs {@code redraw} when campaigns become openable from here, or no longer are. */
    void onChange(Runnable redraw) {
        open.addListener((o, old, now) -> redraw.run());
    }

    /** A campaign in words, as a link that opens it when it can be opened, else as plain words. */
    Node link(String text, String campaignId) {
        Consumer<String> opener = open.get();
        if (campaignId == null || opener == null) {
            Label plain = new Label(text);
            plain.getStyleClass().add("help-text");
            plain.setWrapText(true);
            return plain;
        }
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("timeline-campaign");
        link.setTooltip(new Tooltip(context.text("devices.detail.openCampaign")));
        link.setOnAction(e -> opener.accept(campaignId));
        link.setWrapText(true);
        return link;
    }
}
