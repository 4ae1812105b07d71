package nl.fotadesk.device;

import nl.fotadesk.protocol.FotaState;
import nl.fotadesk.protocol.UpdateResult;

/** What a device tells its owner (a fleet's statistics, a test) as it goes. All methods may be called from any thread. */
public interface DeviceEvents {
    DeviceEvents NONE = new DeviceEvents() {
    };

    default void uplinkSent(Device device, int status) {
    }

    default void partRequested(Device device) {
    }

    default void partAccepted(Device device, int bytes) {
    }

    default void partRetried(Device device, String why) {
    }

    default void stateChanged(Device device, FotaState from, FotaState to) {
    }

    default void updateEnded(Device device, UpdateResult result) {
    }
}
