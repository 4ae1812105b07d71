package nl.fotadesk.ui.campaigns;

import nl.fotadesk.client.ApiException;
import nl.fotadesk.client.UnauthorizedException;
import nl.fotadesk.ui.UiContext;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs a call to the server off the FX thread like {@link UiContext#run}, and explains the campaign
 * API's refusals (no devices, wrong state, bad thresholds...) in the user's language.
 */
final class ServerCall {
    private ServerCall() {
    }

    /** The answer, or the refusal to explain on the FX thread. */
    private record Outcome<T>(T value, ApiException refusal) {
    }

    static <T> void run(UiContext context, UiContext.Work<T> work, Consumer<T> done, Consumer<String> failed) {
        try {
            call(context, work, done, failed);
        } catch (RejectedExecutionException e) {
            // The app is closing: nothing to load any more.
        }
    }

    private static <T> void call(UiContext context, UiContext.Work<T> work, Consumer<T> done, Consumer<String> failed) {
        context.<Outcome<T>>run(() -> {
            try {
                return new Outcome<>(work.call(), null);
            } catch (ApiException e) {
                if (e instanceof UnauthorizedException || !e.isFromApi() || !context.i18n().has(key(e))) {
                    throw e;
                }
                return new Outcome<>(null, e);
            }
        }, outcome -> {
            if (outcome.refusal() == null) {
                done.accept(outcome.value());
            } else {
                failed.accept(context.text(key(outcome.refusal()), outcome.refusal().detail()));
            }
        }, failed);
    }

    private static String key(ApiException e) {
        return "campaigns.error." + e.error();
    }
}
