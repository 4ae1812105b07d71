package nl.fotadesk.backend.events;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader following the feed by cursor sees every event, whatever order transactions commit in. */
class EventOrderTest extends OnEachDatabase {
    @TempDir
    Path data;

    @Test
    void anEventCommittedAfterALaterStartedOneIsNotSkippedByTheCursor() throws Exception {
        try (Database db = database.open(data);
             EventLog log = new EventLog(db.jdbc(), Clock.systemUTC(), BackendConfig.DEFAULT_EVENT_RECHECK)) {
            CountDownLatch firstAppended = new CountDownLatch(1);
            CountDownLatch mayCommit = new CountDownLatch(1);
            // A long transaction appends its event first but commits last.
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> db.jdbc().inTransaction(() -> {
                log.append(EventLog.CAMPAIGN, "slow", null, null, "running", EventCode.CAMPAIGN_STARTED.detail("appended first"));
                firstAppended.countDown();
                await(mayCommit);
                return null;
            }));
            await(firstAppended);
            log.append(EventLog.CAMPAIGN, "quick", null, null, "running", EventCode.CAMPAIGN_STARTED.detail("appended second"));

            EventPage seen = log.since(0, 100, Duration.ZERO, "reader").get(5, TimeUnit.SECONDS);
            assertThat(seen.events()).extracting(EventView::campaignId).containsExactly("quick");
            mayCommit.countDown();
            slow.get(10, TimeUnit.SECONDS);

            EventPage next = log.since(seen.cursor(), 100, Duration.ZERO, "reader").get(5, TimeUnit.SECONDS);
            assertThat(next.events()).extracting(EventView::campaignId).containsExactly("slow");
            assertThat(next.cursor()).isGreaterThan(seen.cursor()).isEqualTo(log.latest());
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndNoGap() throws Exception {
        try (Database db = database.open(data);
             EventLog log = new EventLog(db.jdbc(), Clock.systemUTC(), BackendConfig.DEFAULT_EVENT_RECHECK)) {
            log.append(EventLog.CAMPAIGN, "a", null, null, "draft", EventCode.CAMPAIGN_CREATED.detail(null, 1, 1));
            try {
                db.jdbc().inTransaction(() -> {
                    log.append(EventLog.CAMPAIGN, "b", null, null, "draft", EventCode.CAMPAIGN_CREATED.detail(null, 1, 1));
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the event goes with its transaction
            }
            log.append(EventLog.CAMPAIGN, "c", null, null, "draft", EventCode.CAMPAIGN_CREATED.detail(null, 1, 1));
            EventPage all = log.since(0, 100, Duration.ZERO, "reader").get(5, TimeUnit.SECONDS);
            assertThat(all.events()).extracting(EventView::campaignId).containsExactly("a", "c");
            assertThat(all.events()).extracting(EventView::id).containsExactly(1L, 2L);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
