package nl.fotadesk.ui;

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

    public static String of(I18n i18n, String named) {
        if (named.equals("the API key")) {
            return i18n.get("actor.apiKey");
        }
        if (named.equals("an operator")) {
            return i18n.get("actor.anOperator");
        }
        Matcher withRole = WITH_ROLE.matcher(named);
        return withRole.matches() ? withRole.group(1) + " (" + i18n.get("role." + withRole.group(2)) + ")" : named;
    }
}
