package nl.fotadesk.device;

import nl.fotadesk.protocol.MessageToken;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** The two HTTP exchanges of a device: a signed uplink, and one ranged part of a download. */
public final class DeviceHttp {
    public static final String INGESTION_PATH = "/ingestion/m2m/senml/v1";
    private static final MediaType JSON = MediaType.get("application/json");

    /** The answer to an uplink: 200 with a downlink, 204 without. */
    public record UplinkAnswer(int status, byte[] body) {
    }

    /** The answer to a part request, with headers read by their exact names as the vendor's library does. */
    public record PartAnswer(int status, String contentRange, String digest, byte[] body) {
    }

    /** Thrown when a connection breaks in the middle of a part. */
    public static final class DroppedException extends IOException {
        /** What the server sent (its Content-Length), of which the device read only a part. */
        public final long contentLength;

        DroppedException(long contentLength) {
            super("connection dropped in the middle of a part");
            this.contentLength = contentLength;
        }
    }

    private final OkHttpClient client;
    private final String ingestionUrl;
    private final AtomicLong bytesReceived = new AtomicLong();

    /** @param baseUrl where uplinks go, e.g. {@code http://127.0.0.1:8080} */
    public DeviceHttp(OkHttpClient client, String baseUrl) {
        this.client = client;
        this.ingestionUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + INGESTION_PATH;
    }

    public UplinkAnswer uplink(byte[] body, String secret) throws IOException {
        Request request = new Request.Builder().url(ingestionUrl)
                .header(MessageToken.HEADER, MessageToken.compute(body, secret))
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = client.newCall(request).execute()) {
            return new UplinkAnswer(r.code(), r.body().bytes());
        }
    }

    /**
     * Fetches bytes {@code first..last}. With {@code dropMidway} the device reads half of the body
     * and then loses the connection.
     */
    public PartAnswer fetch(String url, String token, long first, long last, boolean dropMidway) throws IOException {
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token)
                .header("Range", "bytes=" + first + "-" + last).get().build();
        try (Response r = client.newCall(request).execute()) {
            ResponseBody body = r.body();
            if (dropMidway && r.code() / 100 == 2) {
                long half = Math.max(0, body.contentLength() / 2);
                bytesReceived.addAndGet(body.source().readByteArray(half).length);
                throw new DroppedException(body.contentLength());
            }
            byte[] bytes = body.bytes();
            bytesReceived.addAndGet(bytes.length);
            return new PartAnswer(r.code(), exact(r.headers(), "Content-Range"), exact(r.headers(), "Digest"), bytes);
        }
    }

    /** Bytes of part bodies received by all devices using this client. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    private static String exact(Headers headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equals(name)) {
                return headers.value(i);
            }
        }
        return null;
    }
}
