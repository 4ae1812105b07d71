package nl.fotadesk.backend.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size limit, so no client can make the server hold more. */
public final class Bodies {
    private Bodies() {
    }

    /** The whole body, or a 413 {@link HttpError} when it is longer than {@code maxBytes}. */
    public static byte[] read(Request request, int maxBytes) throws IOException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    public static HttpError tooLarge(long maxBytes) {
        return new HttpError(413, "too_large", "the body is larger than the limit of " + maxBytes + " bytes");
    }
}
