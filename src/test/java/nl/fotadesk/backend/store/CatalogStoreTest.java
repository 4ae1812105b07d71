package nl.fotadesk.backend.store;

import nl.fotadesk.backend.OnEachDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogStoreTest extends OnEachDatabase {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path data;
    private Database db;
    private Jdbc jdbc;
    private CatalogStore catalog;

    @BeforeEach
    void open() {
        db = database.open(data);
        jdbc = db.jdbc();
        catalog = new CatalogStore(jdbc);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void twoTransactionsAddingTheSameNewClientAndTypeAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String client = "client-" + round;
            String type = "type-" + round;
            CountDownLatch firstInserted = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> jdbc.inTransaction(() -> {
                catalog.ensureClient(client, NOW);
                catalog.ensureDeviceType(type, null, NOW);
                firstInserted.countDown();
                await(secondStarted);
                return null;
            }));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> jdbc.inTransaction(() -> {
                await(firstInserted);
                secondStarted.countDown();
                // the first has inserted and not committed: this insert meets its uncommitted row
                catalog.ensureClient(client, NOW);
                catalog.ensureDeviceType(type, "second", NOW);
                return null;
            }));
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertThat(jdbc.count("SELECT COUNT(*) FROM clients WHERE name = ?", client)).isEqualTo(1);
            assertThat(jdbc.count("SELECT COUNT(*) FROM device_types WHERE name = ?", type)).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
