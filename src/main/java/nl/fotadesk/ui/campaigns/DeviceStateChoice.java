package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;

import java.util.ArrayList;
import java.util.List;

/** A choice in a campaign's device list of which device states it shows: all, a group of states, or one state. */
record DeviceStateChoice(String key, List<ActionState> states) {
    static final DeviceStateChoice ALL = new DeviceStateChoice("all", List.of());
    static final DeviceStateChoice IN_PROGRESS = new DeviceStateChoice("inProgress", List.of(ActionState.PENDING,
            ActionState.NOTIFIED, ActionState.DOWNLOADING, ActionState.DOWNLOADED, ActionState.UPDATING));
    static final DeviceStateChoice FAILURES = new DeviceStateChoice("failures", List.of(ActionState.FAILED, ActionState.TIMED_OUT));

    static DeviceStateChoice of(ActionState state) {
        return new DeviceStateChoice(state.wireName(), List.of(state));
    }

    static List<DeviceStateChoice> choices() {
        List<DeviceStateChoice> all = new ArrayList<>(List.of(ALL, IN_PROGRESS, FAILURES));
        for (ActionState s : ActionState.values()) {
            all.add(of(s));
        }
        return all;
    }

    String label(CampaignTexts texts) {
        return states.size() == 1 ? texts.deviceState(states.get(0)) : texts.text("campaigns.devices.filter." + key);
    }
}
