package nl.fotadesk.ui.devices;

import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.application.Platform;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.prefs.Preferences;

/**
 * The management API's device listing as a screen model sees it, in memory: answers the device list,
 * one device, its history and the catalogs as the server would, and holds back the answers to the
 * requests a test names until it lets them go, so that answers can arrive in any order.
 */
final class FakeDeviceServer implements Interceptor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_MEDIA = MediaType.get("application/json");

    final List<DeviceView> devices = new CopyOnWriteArrayList<>();
    private volatile Predicate<HttpUrl> held = url -> false;
    private volatile CountDownLatch release = new CountDownLatch(0);
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger heldBack = new AtomicInteger();

    static DeviceView device(String imei, String client) {
        return new DeviceView(imei, "tracker-x", client, "1.0.0", null, null, DeviceStatus.IN_SYNC,
                null, null, null, null, null, null);
    }

    /** A context whose client talks to this server; the FX toolkit runs (headless in tests). */
    UiContext context() {
        startFx();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(this).build();
        Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime()));
        return new UiContext(new HttpFotaDeskClient("http://fake.invalid", "key", http), new I18n(I18n.ENGLISH),
                settings, false);
    }

    /** Holds back the answers to the requests {@code which} picks until {@link #releaseHeld()}. */
    void hold(Predicate<HttpUrl> which) {
        release = new CountDownLatch(1);
        held = which;
    }

    void releaseHeld() {
        held = url -> false;
        release.countDown();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        if (held.test(url)) {
            CountDownLatch wait = release;
            heldBack.incrementAndGet();
            try {
                if (!wait.await(30, TimeUnit.SECONDS)) {
                    throw new InterruptedIOException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        Object body = answer(url.pathSegments().subList(2, url.pathSegments().size()), url);
        answered.incrementAndGet();
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(body == null ? 404 : 200)
                .message(body == null ? "Not Found" : "OK")
                .body(ResponseBody.create(body == null ? "{\"error\":\"not_found\",\"detail\":\"no such device\"}"
                        : JSON.writeValueAsString(body), JSON_MEDIA))
                .build();
    }

    private Object answer(List<String> path, HttpUrl url) {
        if (path.equals(List.of("devices"))) {
            List<DeviceView> matches = devices.stream().filter(d -> matches(d, url))
                    .sorted(java.util.Comparator.comparing(DeviceView::imei)).toList();
            int offset = Integer.parseInt(orElse(url.queryParameter("offset"), "0"));
            int limit = Integer.parseInt(orElse(url.queryParameter("limit"), "100"));
            List<DeviceView> page = matches.subList(Math.min(offset, matches.size()),
                    Math.min(matches.size(), offset + limit));
            return new Page<>(page, matches.size(), offset, limit);
        }
        if (path.size() >= 2 && path.get(0).equals("devices")) {
            DeviceView d = devices.stream().filter(v -> v.imei().equals(path.get(1))).findFirst().orElse(null);
            return d == null ? null : path.size() == 2 ? d : List.of();
        }
        return switch (path.get(0)) {
            case "clients", "device-types", "firmware" -> List.of();
            default -> Map.of();
        };
    }

    private static boolean matches(DeviceView d, HttpUrl url) {
        String client = url.queryParameter("client");
        String imei = url.queryParameter("imei");
        return (client == null || client.equals(d.client())) && (imei == null || d.imei().startsWith(imei));
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
    }
}
