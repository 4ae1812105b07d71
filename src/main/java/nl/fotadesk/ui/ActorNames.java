package nl.fotadesk.ui;

import nl.fotadesk.protocol.EventCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the server names as having done something ("paused by Olga Jansen (operator)", "retried by the
 * API key", "an operator" in older history), in the user's language.
 */
public final class ActorNames {
    private static final Pattern WITH_ROLE = Pattern.compile("(.+) \\((operator|supplier|customer|viewer|requester)\\)");

    private ActorNames() {
    }

    /** An actor as the server's English words name it. */
    public static String of(I18n i18n, String named) {
        if (named.equals("the API key")) {
            return i18n.get("actor.apiKey");
        }
        if (named.equals("an operator")) {
            return i18n.get("actor.anOperator");
        }
        Matcher withRole = WITH_ROLE.matcher(named);
        return withRole.matches() ? of(i18n, withRole.group(1), withRole.group(2)) : named;
    }

    /** An actor as an event's arguments name it: "Olga Jansen (beheerder)", or the API key. */
    public static String of(I18n i18n, String name, String role) {
        return EventCode.API_KEY_ROLE.equals(role) ? i18n.get("actor.apiKey") : name + " (" + role(i18n, role) + ")";
    }

    /** A role in words; the API key's as the API key. */
    public static String role(I18n i18n, String role) {
        return EventCode.API_KEY_ROLE.equals(role) ? i18n.get("actor.apiKey")
                : i18n.has("role." + role) ? i18n.get("role." + role) : role;
    }
}
