package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;

import java.util.ArrayList;
import java.util.List;

/** Which of a campaign's devices the device list shows: all, a group of states, or one state. */
record DeviceFilter(String key, List<ActionState> states) {
    static final DeviceFilter ALL = new DeviceFilter("all", List.of());
    static final DeviceFilter IN_PROGRESS = new DeviceFilter("inProgress", List.of(ActionState.PENDING,
            ActionState.NOTIFIED, ActionState.DOWNLOADING, ActionState.DOWNLOADED, ActionState.UPDATING));
    static final DeviceFilter FAILURES = new DeviceFilter("failures", List.of(ActionState.FAILED, ActionState.TIMED_OUT));

    static DeviceFilter of(ActionState state) {
        return new DeviceFilter(state.wireName(), List.of(state));
    }

    static List<DeviceFilter> choices() {
        List<DeviceFilter> all = new ArrayList<>(List.of(ALL, IN_PROGRESS, FAILURES));
        for (ActionState s : ActionState.values()) {
            all.add(of(s));
        }
        return all;
    }

    String label(CampaignTexts texts) {
        return states.size() == 1 ? texts.deviceState(states.get(0)) : texts.text("campaigns.devices.filter." + key);
    }
}
