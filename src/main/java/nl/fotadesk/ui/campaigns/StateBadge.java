package nl.fotadesk.ui.campaigns;

import javafx.scene.control.Label;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.ui.StatusTerms;

/** A campaign's state as a coloured pill (style classes {@code campaign-state state-<name>}). */
final class StateBadge extends Label {
    StateBadge() {
        getStyleClass().add("campaign-state");
        setMinWidth(USE_PREF_SIZE);
    }

    void show(CampaignState state, CampaignTexts texts) {
        getStyleClass().removeIf(c -> c.startsWith("state-"));
        if (state == null) {
            setText("");
            return;
        }
        setText(texts.state(state));
        getStyleClass().add(StatusTerms.styleClass(state));
    }
}
