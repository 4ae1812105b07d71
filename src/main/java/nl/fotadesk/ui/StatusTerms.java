package nl.fotadesk.ui;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.PhaseState;

import java.util.List;

/**
 * The one set of words and colours for statuses, used by every screen: the i18n key of each device
 * update status, campaign device state, campaign state and phase state, and its style class. Device statuses and
 * campaign device states share words ({@code status.*}) and four colour families ({@link #TONES}:
 * fine, busy, bad, neutral); a campaign state has a pill colour of its own ({@code state-<name>}).
 */
public final class StatusTerms {
    public static final String OK = "status-ok";
    public static final String BUSY = "status-busy";
    public static final String BAD = "status-bad";
    public static final String NEUTRAL = "status-neutral";
    public static final List<String> TONES = List.of(OK, BUSY, BAD, NEUTRAL);

    private StatusTerms() {
    }

    public static String labelKey(DeviceStatus s) {
        return "status." + s.wireName();
    }

    public static String labelKey(ActionState s) {
        return "status." + s.wireName();
    }

    public static String labelKey(CampaignState s) {
        return "campaigns.state." + s.wireName();
    }

    /** A running phase reads as its running campaign does: one status, one word. */
    public static String labelKey(PhaseState s) {
        return s == PhaseState.RUNNING ? labelKey(CampaignState.RUNNING) : "campaigns.phaseState." + s.wireName();
    }

    /** The colour family of a device's update status; neutral for none. */
    public static String tone(DeviceStatus s) {
        if (s == null) {
            return NEUTRAL;
        }
        return switch (s) {
            case IN_SYNC, SUCCEEDED -> OK;
            case PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, UPDATING -> BUSY;
            case FAILED, TIMED_OUT -> BAD;
            case CANCELLED -> NEUTRAL;
        };
    }

    /** The colour family of a device's state in a campaign; neutral for none. */
    public static String tone(ActionState s) {
        if (s == null) {
            return NEUTRAL;
        }
        return switch (s) {
            case SUCCEEDED -> OK;
            case PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, UPDATING -> BUSY;
            case FAILED, TIMED_OUT -> BAD;
            case WAITING, CANCELLED -> NEUTRAL;
        };
    }

    /** The style class of a campaign state's pill. */
    public static String styleClass(CampaignState s) {
        return "state-" + s.wireName();
    }

    /** Gives {@code node} the colour family {@code tone} (one of {@link #TONES}), replacing the one it had. */
    public static void applyTone(Node node, String tone) {
        node.getStyleClass().removeAll(TONES);
        if (tone != null) {
            node.getStyleClass().add(tone);
        }
    }
}
