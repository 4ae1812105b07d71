package nl.fotadesk.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an event says: its {@code code} with named {@code args}, and the same in {@code english} (null: nothing to say). */
public record EventDetail(EventCode code, Map<String, Object> args, String english) {
    public EventDetail {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The same, for a device that runs {@code version} already: nothing to download. */
    public EventDetail runningAlready(String version) {
        if (!code.startsUpdate()) {
            throw new IllegalStateException(code.wireName() + " gives no update");
        }
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(EventCode.RUNS_ALREADY, version);
        return new EventDetail(code, more, english + "; it runs " + version + " already");
    }
}
