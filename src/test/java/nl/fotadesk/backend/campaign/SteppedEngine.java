package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.Imei;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend whose engine moves only when a test ticks it, on a clock the test steps, with trackers on
 * 1.0.0 and an image of 2.0.0 for them; on H2 and on PostgreSQL. A test class sets the start time, the
 * number of trackers and the image's size through its constructor.
 */
abstract class SteppedEngine extends OnEachDatabase {
    @TempDir
    Path data;
    final MutableClock clock;
    TestBackend backend;
    final List<String> imeis = new ArrayList<>();
    String firmwareId;
    private final int trackers;
    private final int imageBytes;

    SteppedEngine(Instant start, int trackers, int imageBytes) {
        this.clock = new MutableClock(start);
        this.trackers = trackers;
        this.imageBytes = imageBytes;
    }

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(database.config(data, TestBackend.API_KEY).withEngineTick(Duration.ZERO), clock);
        for (int i = 0; i < trackers; i++) {
            String imei = Imei.withCheckDigit(String.format("35693803%06d", i));
            backend.registerDevice(imei, "tracker-x", "1.0.0");
            imeis.add(imei);
        }
        firmwareId = backend.uploadFirmware("tracker-x", "2.0.0", new byte[imageBytes]);
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }
}
