package nl.fotadesk.backend.api;

import nl.fotadesk.backend.firmware.FirmwareService;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.store.FirmwareRow;
import org.eclipse.jetty.io.Content;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/** {@code /api/v1/firmware}: upload (streamed), list and describe images. */
public final class FirmwareRoutes implements Routes {
    private final FirmwareService firmware;

    public FirmwareRoutes(FirmwareService firmware) {
        this.firmware = firmware;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/firmware", x -> {
                    try (InputStream in = Request.asInputStream(x.request())) {
                        x.json(201, firmware.upload(x.query("deviceType"), x.query("version"),
                                x.request().getHeaders().getLongField(HttpHeader.CONTENT_LENGTH), in));
                    }
                })
                .add("GET", "/api/v1/firmware", x -> x.json(200, firmware.list()))
                .add("GET", "/api/v1/firmware/{id}", x -> x.json(200, firmware.get(x.path("id"))))
                .add("DELETE", "/api/v1/firmware/{id}", x -> {
                    firmware.delete(x.path("id"));
                    x.noContent();
                })
                .add("GET", "/api/v1/firmware/{id}/content", x -> {
                    FirmwareRow f = firmware.find(x.path("id"));
                    x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                    x.response().getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\""
                            + f.deviceType() + "-" + f.version() + ".bin\"");
                    x.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, f.size());
                    try (OutputStream out = Content.Sink.asOutputStream(x.response())) {
                        Files.copy(firmware.content(f), out);
                    }
                    x.callback().succeeded();
                });
    }
}
