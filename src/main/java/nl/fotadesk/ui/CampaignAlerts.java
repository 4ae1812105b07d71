package nl.fotadesk.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.campaigns.StateReasons;
import org.controlsfx.control.Notifications;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Tells the operator when a campaign stops needing them to watch it (it paused, completed or was
 * cancelled) while they are not looking at it: another screen is shown or the window is in the
 * background. A notification names the campaign and why; a click on it opens the campaign. The
 * number of such news since the campaigns screen was last seen is its badge in the navigation.
 */
final class CampaignAlerts {
    static final String STYLE = "campaign-alert";
    private static final Set<CampaignState> NEWS = Set.of(CampaignState.PAUSED, CampaignState.COMPLETED,
            CampaignState.CANCELLED);
    private static final Duration SHOWN = Duration.seconds(12);

    private final UiContext context;
    private final Stage stage;
    private final Predicate<String> watched;
    private final Consumer<String> open;
    private final IntegerProperty unseen = new SimpleIntegerProperty();

    /**
     * @param watched whether the operator sees the campaign with this id on screen now (the window aside)
     * @param open shows the campaign with this id
     */
    CampaignAlerts(UiContext context, Stage stage, Predicate<String> watched, Consumer<String> open) {
        this.context = context;
        this.stage = stage;
        this.watched = watched;
        this.open = open;
    }

    /** How many campaigns stopped since the campaigns screen was last seen. */
    ReadOnlyIntegerProperty unseenProperty() {
        return unseen;
    }

    /** The campaigns screen was seen. */
    void seen() {
        unseen.set(0);
    }

    void onEvents(List<EventView> events) {
        for (EventView e : events) {
            CampaignState state = news(e);
            if (state != null && !(stage.isFocused() && watched.test(e.campaignId()))) {
                unseen.set(unseen.get() + 1);
                String id = e.campaignId();
                // The event names the campaign by id only: fetch its name for the words.
                context.run(() -> context.client().campaign(id).name(), name -> notify(id, name, state, e),
                        failed -> notify(id, id, state, e));
            }
        }
    }

    private static CampaignState news(EventView e) {
        if (!"campaign".equals(e.kind()) || e.campaignId() == null || e.state() == null) {
            return null;
        }
        try {
            CampaignState state = CampaignState.fromWire(e.state());
            return NEWS.contains(state) ? state : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private void notify(String id, String name, CampaignState state, EventView e) {
        if (!stage.isShowing()) {
            return;
        }
        String said = EventTexts.text(context.i18n(), e);
        String why = said != null ? said : StateReasons.explain(context.i18n(), e.detail());
        Notifications note = Notifications.create()
                .owner(stage)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN)
                .title(context.text("alerts.campaign." + state.wireName(), name))
                .text(why.isEmpty() ? context.text("alerts.campaign.open") : why + "\n" + context.text("alerts.campaign.open"))
                .styleClass(STYLE, STYLE + "-" + state.wireName())
                .onAction(a -> {
                    open.accept(id);
                    stage.toFront();
                });
        if (state == CampaignState.PAUSED) {
            note.showWarning();
        } else {
            note.showInformation();
        }
    }
}
