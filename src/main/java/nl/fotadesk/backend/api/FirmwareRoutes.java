package nl.fotadesk.backend.api;

import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.firmware.FirmwareService;
import nl.fotadesk.backend.http.Bodies;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.JsonBodies;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.FirmwareView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.nio.ByteBuffer;

import static nl.fotadesk.backend.accounts.Access.CHANGE;
import static nl.fotadesk.backend.accounts.Access.OPERATOR;
import static nl.fotadesk.backend.accounts.Access.READ;

/** {@code /api/v1/firmware}: upload (streamed), list and describe images; {@code /api/v1/limits}: how large one may be. */
public final class FirmwareRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareRoutes.class);
    private static final int COPY_BUFFER = 64 * 1024;
    private final FirmwareService firmware;

    public FirmwareRoutes(FirmwareService firmware) {
        this.firmware = firmware;
    }

    @Override
    public void register(Router router) {
        router.addStreamed("POST", "/api/v1/firmware", CHANGE, x -> new UploadBody(x, firmware.begin(x.principal(), x.query("deviceType"),
                        x.query("version"), x.request().getHeaders().getLongField(HttpHeader.CONTENT_LENGTH))).read())
                .add("GET", "/api/v1/limits", READ, x -> x.json(200, firmware.limits()))
                .add("GET", "/api/v1/firmware", READ, x -> x.json(200, firmware.list(x.principal())))
                .add("GET", "/api/v1/firmware/{id}", READ, x -> x.json(200, firmware.get(x.principal(), x.path("id"))))
                .add("DELETE", "/api/v1/firmware/{id}", OPERATOR, x -> {
                    firmware.delete(x.principal(), x.path("id"));
                    x.noContent();
                })
                .add("GET", "/api/v1/firmware/{id}/content", READ, x -> {
                    FirmwareService.ImageFile image = firmware.content(x.principal(), x.path("id"));
                    x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                    x.response().getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\""
                            + image.fileName() + "\"");
                    x.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, image.size());
                    try (OutputStream out = Content.Sink.asOutputStream(x.response())) {
                        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
                        for (long at = 0; image.content().read(buffer.clear(), at) > 0; at += buffer.position()) {
                            out.write(buffer.array(), 0, buffer.position());
                        }
                    }
                    x.callback().succeeded();
                });
    }

    /**
     * Reads an upload's body as it arrives (Jetty's read/demand): while the client is silent no thread
     * waits for it; each piece goes to the upload's temporary file as it comes. A body that misses its
     * deadline is answered 408; one whose client went away is dropped; both leave no file behind.
     */
    private static final class UploadBody {
        private final Router.Exchange x;
        private final FirmwareService.Upload upload;

        UploadBody(Router.Exchange x, FirmwareService.Upload upload) {
            this.x = x;
            this.upload = upload;
        }

        void read() {
            try {
                while (true) {
                    Content.Chunk chunk = x.request().read();
                    if (chunk == null) {
                        x.request().demand(this::read);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        discard();
                        HttpError timeout = Bodies.timeoutOf(chunk.getFailure());
                        if (timeout != null) {
                            JsonBodies.error(x.response(), x.callback(), timeout);
                        } else {
                            LOG.info("POST /api/v1/firmware: the client went away before the image was received ({})",
                                    chunk.getFailure().toString());
                            x.callback().failed(chunk.getFailure());
                        }
                        return;
                    }
                    try {
                        upload.write(chunk.getByteBuffer());
                    } finally {
                        chunk.release();
                    }
                    if (chunk.isLast()) {
                        FirmwareView stored = upload.complete();
                        discard();
                        x.json(201, stored);
                        return;
                    }
                }
            } catch (DomainError refused) {
                discard();
                JsonBodies.error(x.response(), x.callback(), HttpError.of(refused));
            } catch (Throwable failure) {
                discard();
                LOG.error("POST /api/v1/firmware failed", failure);
                JsonBodies.error(x.response(), x.callback(), 500, "internal_error",
                        "the server could not complete the request; its log says why");
            }
        }

        /** Removes the temporary file unless the image was kept. */
        private void discard() {
            try {
                upload.close();
            } catch (Exception e) {
                LOG.warn("Could not remove the temporary file of an upload", e);
            }
        }
    }
}
