package nl.fotadesk.backend.http.device;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Writes an {@link Answer} as a Jetty response. */
final class JettyAnswers {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private JettyAnswers() {
    }

    static void write(Request request, Response response, Callback callback, Answer answer) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Answer.Field field : answer.fields()) {
            headers.put(field.name(), field.value());
        }
        if (answer.hasBody()) {
            headers.put(HttpHeader.CONTENT_LENGTH, answer.contentLength());
        }
        if ("HEAD".equals(request.getMethod()) || answer.contentLength() == 0) {
            response.write(true, NOTHING, callback);
        } else if (answer.file() == null) {
            response.write(true, answer.content().slice(), callback);
        } else {
            stream(answer.file(), response, callback);
        }
    }

    /** Writes a file slice chunk by chunk, each write continuing when the previous one completed. */
    private static void stream(Answer.FileSlice file, Response response, Callback callback) {
        new IteratingCallback() {
            private long done;

            @Override
            protected Action process() throws IOException {
                if (done == file.length()) {
                    return Action.SUCCEEDED;
                }
                ByteBuffer chunk = FileServer.chunk(file, done);
                done += chunk.remaining();
                response.write(done == file.length(), chunk, this);
                return Action.SCHEDULED;
            }

            @Override
            protected void onCompleteSuccess() {
                callback.succeeded();
            }

            @Override
            protected void onCompleteFailure(Throwable cause) {
                callback.failed(cause);
            }
        }.iterate();
    }
}
