package nl.fotadesk.backend.http.device;

import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.ingest.Ingestion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /ingestion/m2m/senml/v1} (docs/protocol.md §1), whatever HTTP server carries it: the
 * uplink in, {@link Ingestion}'s downlink (200) or nothing (204) out, refusals as JSON errors.
 */
public final class Uplinks {
    public static final String PATH = "/ingestion/m2m/senml/v1";
    /** The largest uplink body; a longer one is refused with 413 (docs/protocol.md §1). */
    public static final int MAX_BODY = 64 * 1024;
    private static final Answer METHOD_NOT_ALLOWED = Answer.error(405, "method_not_allowed",
            "uplinks are sent with POST", new Answer.Field("Allow", "POST"));

    private final Ingestion ingestion;

    public Uplinks(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /** Whether {@code method} is the one uplinks are sent with; if not, answer {@link #methodNotAllowed()}. */
    public static boolean accepts(String method) {
        return "POST".equals(method);
    }

    public static Answer methodNotAllowed() {
        return METHOD_NOT_ALLOWED;
    }

    /** The answer to a body announced or found longer than {@link #MAX_BODY}. */
    public static Answer tooLarge() {
        return Answer.of(HttpError.of(TooLarge.body(MAX_BODY)));
    }

    /**
     * The answer to an uplink whose body has arrived, with its {@code Things-Message-Token} (null when
     * absent), once it is committed. It may block (it authenticates the device); it never fails.
     */
    public CompletableFuture<Answer> answer(byte[] body, String token) {
        return ingestion.accept(body, token).handle((downlink, failure) -> failure != null ? refusal(failure)
                : downlink.map(json -> Answer.json(200, json)).orElseGet(Answer::noContent));
    }

    /** The answer to an uplink that failed, in its body's reading or in its handling. */
    public static Answer refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return HttpError.refusal(cause).map(Answer::of).orElseGet(() -> Answer.internalError(cause));
    }
}
