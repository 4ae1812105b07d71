package nl.fotadesk.backend.api;

import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.requests.RequestService;
import nl.fotadesk.protocol.api.NewComment;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.Rejection;
import nl.fotadesk.protocol.api.RequestReportLine;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RolloutPlan;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import static nl.fotadesk.backend.accounts.Access.OPERATOR;
import static nl.fotadesk.backend.accounts.Access.READ;
import static nl.fotadesk.backend.accounts.Access.REQUEST;

/**
 * {@code /api/v1/requests}: file an update request (multipart: the image as part {@code file}, the
 * request as JSON part {@code request}), follow it and comment on it; operators review, approve and reject.
 */
public final class RequestRoutes implements Routes {
    /** Room for the JSON part, the part headers and the boundaries beside the image. */
    private static final long MULTIPART_SLACK = 256 * 1024;
    /** Parts up to this size are held in memory; larger ones (the image) go to a file of the spool folder. */
    private static final long IN_MEMORY_PART = 64 * 1024;
    private static final int MAX_PARTS = 4;
    private static final String CSV_HEADER = "imei,oldVersion,newVersion,result,resultCode\r\n";

    private final RequestService requests;
    private final Path spool;

    /** Routes whose uploads are received in the folder {@code spool}, emptied here of what a crash left behind. */
    public RequestRoutes(RequestService requests, Path spool) throws IOException {
        this.requests = requests;
        this.spool = spool;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(spool)) {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void register(Router router) {
        router.addStreamed("POST", "/api/v1/requests", REQUEST, this::file)
                .add("GET", "/api/v1/requests", READ, x -> x.json(200, requests.list(x.principal(), state(x))))
                .add("GET", "/api/v1/requests/{id}", READ, x -> x.json(200, requests.get(x.principal(), x.path("id"))))
                .add("POST", "/api/v1/requests/{id}/comments", REQUEST, x -> x.json(201,
                        requests.comment(x.principal(), x.path("id"), x.body(NewComment.class).text())))
                .add("GET", "/api/v1/requests/{id}/review", OPERATOR, x -> x.json(200, requests.reviewFacts(x.principal(),
                        x.path("id"), x.intQuery("staleDays", 1, RequestService.STALE_DAYS_MAX,
                                RequestService.DEFAULT_STALE_DAYS))))
                .add("POST", "/api/v1/requests/{id}/review", OPERATOR, x -> x.json(200,
                        requests.review(x.principal(), x.path("id"))))
                .add("POST", "/api/v1/requests/{id}/approve", OPERATOR, x -> x.json(200, requests.approve(x.principal(),
                        x.path("id"), x.bodyBytes().length == 0 ? null : x.body(RolloutPlan.class))))
                .add("POST", "/api/v1/requests/{id}/reject", OPERATOR, x -> x.json(200,
                        requests.reject(x.principal(), x.path("id"), x.body(Rejection.class).reason())))
                .add("POST", "/api/v1/requests/{id}/withdraw", REQUEST, x -> x.json(200,
                        requests.withdraw(x.principal(), x.path("id"))))
                .add("GET", "/api/v1/requests/{id}/report", READ, this::report);
    }

    /**
     * Receives the multipart body without holding a thread while the client is silent; the image part
     * is spooled to a file, then the service checks the request and stores image and request together.
     */
    private void file(Router.Exchange x) {
        String contentType = x.request().getHeaders().get(HttpHeader.CONTENT_TYPE);
        String boundary = contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null) {
            throw HttpError.badRequest("invalid_multipart", "a request is multipart/form-data with a part \"file\" (the"
                    + " firmware image) and a part \"request\" (its JSON)");
        }
        long limit = requests.maxImageSize() + MULTIPART_SLACK;
        if (x.request().getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > limit) {
            throw new TooLarge("the request is larger than the image limit of " + requests.maxImageSize() + " bytes");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setFilesDirectory(spool);
        parser.setMaxMemoryFileSize(IN_MEMORY_PART);
        parser.setMaxFileSize(requests.maxImageSize());
        parser.setMaxLength(limit);
        parser.setMaxParts(MAX_PARTS);
        parser.parse(x.request()).whenComplete((parts, failure) -> {
            if (failure != null) {
                x.fail(refusal(failure));
                return;
            }
            try (parts) {
                MultiPart.Part json = parts.getFirst("request");
                MultiPart.Part image = parts.getFirst("file");
                if (json == null || image == null) {
                    throw HttpError.badRequest("invalid_multipart", "the body needs a part \"file\" (the firmware image)"
                            + " and a part \"request\" (its JSON); got " + parts.size() + " parts without "
                            + (json == null ? "\"request\"" : "\"file\""));
                }
                NewRequest spec = JsonBodies.read(json.getContentAsString(StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8), NewRequest.class);
                try (InputStream content = Content.Source.asInputStream(image.createContentSource())) {
                    x.json(201, requests.file(x.principal(), spec, image.getFileName(), content));
                }
            } catch (Throwable refused) {
                x.fail(refused);
            }
        });
    }

    /**
     * The parser's failure as an answer: a body over a limit is {@code 413}, a malformed or unfinished one {@code 400};
     * anything else (a timeout, a client gone, a full disk) is answered as any route's failure.
     */
    private Throwable refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BadMessageException bad) {
            return bad.getCode() == 413 ? TooLarge.body(requests.maxImageSize())
                    : HttpError.badRequest("invalid_multipart", bad.getReason());
        }
        // The whole body arrived but the form did not end (Jetty's EofException, a client gone, is not this)
        if (cause instanceof EOFException && !(cause instanceof EofException)) {
            return HttpError.badRequest("invalid_multipart", "the body ends before the multipart form does ("
                    + cause.getMessage() + ")");
        }
        // Jetty's parser says which limit with an IllegalStateException: "max file size exceeded", …
        if (cause instanceof IllegalStateException limit && limit.getMessage() != null
                && limit.getMessage().startsWith("max ")) {
            return limit.getMessage().contains("parts")
                    ? HttpError.badRequest("invalid_multipart", "the body has more than " + MAX_PARTS + " parts")
                    : TooLarge.body(requests.maxImageSize());
        }
        return cause;
    }

    /** The outcome per device as JSON, or as CSV with {@code ?format=csv}. */
    private void report(Router.Exchange x) {
        String format = x.query("format") == null ? "json" : x.query("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw HttpError.badRequest("invalid_format", "format must be json or csv; got \"" + format + "\"");
        }
        List<RequestReportLine> lines = requests.report(x.principal(), x.path("id"));
        if (format.equals("json")) {
            x.json(200, lines);
            return;
        }
        // IMEIs, versions ([0-9A-Za-z.+_-], starting with a letter or digit) and states need no quoting
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (RequestReportLine l : lines) {
            csv.append(l.imei()).append(',').append(text(l.oldVersion())).append(',').append(text(l.newVersion()))
                    .append(',').append(l.result() == null ? "" : l.result().wireName()).append(',')
                    .append(text(l.resultCode())).append("\r\n");
        }
        x.response().setStatus(200);
        x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
        x.response().getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"request-"
                + x.path("id") + ".csv\"");
        x.response().write(true, ByteBuffer.wrap(csv.toString().getBytes(StandardCharsets.UTF_8)), x.callback());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static RequestState state(Router.Exchange x) {
        String value = x.query("state");
        try {
            return value == null ? null : RequestState.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("invalid_state", e.getMessage());
        }
    }
}
