package nl.fotadesk.backend.events;

import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.protocol.api.EventPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long polls on the event feed, parked as futures rather than threads: one timer thread answers them
 * when newer events commit (woken by this node's commits or another node's notification, and checked
 * regularly in case a wake-up was missed) or when their wait is over. Capped per caller and in all,
 * so no caller can park the server's memory either.
 */
public final class LongPolls implements AutoCloseable {
    /** Open long polls one caller may have. */
    public static final int MAX_PER_WAITER = 32;
    /** Open long polls in all. */
    public static final int MAX_TOTAL = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(LongPolls.class);

    /** Too many long polls are open; try again later. */
    public static final class TooManyWaiting extends RuntimeException {
        TooManyWaiting(String message) {
            super(message, null, false, false);
        }
    }

    /** A waiting long poll; {@code cursor} moves past events that are not for it (outside its scope). */
    private static final class Poll {
        volatile long cursor;
        final int limit;
        final String waiter;
        final DeviceFilter within;
        final CompletableFuture<EventPage> answer = new CompletableFuture<>();

        Poll(long cursor, int limit, String waiter, DeviceFilter within) {
            this.cursor = cursor;
            this.limit = limit;
            this.waiter = waiter;
            this.within = within;
        }
    }

    private final EventLog log;
    private final Set<Poll> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perWaiter = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-long-polls");
        t.setDaemon(true);
        return t;
    });

    /** @param recheck how often to look for new events without a wake-up (zero: never) */
    LongPolls(EventLog log, Duration recheck) {
        this.log = log;
        if (!recheck.isZero()) {
            timer.scheduleWithFixedDelay(this::check, recheck.toMillis(), recheck.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    int waiting() {
        return open.size();
    }

    CompletableFuture<EventPage> await(long cursor, int limit, Duration wait, String waiter, DeviceFilter within) {
        AtomicInteger mine = perWaiter.computeIfAbsent(waiter, w -> new AtomicInteger());
        if (mine.incrementAndGet() > MAX_PER_WAITER) {
            mine.decrementAndGet();
            throw new TooManyWaiting("at most " + MAX_PER_WAITER + " long polls may be open per key");
        }
        if (total.incrementAndGet() > MAX_TOTAL) {
            total.decrementAndGet();
            mine.decrementAndGet();
            throw new TooManyWaiting("the server has " + MAX_TOTAL + " long polls open");
        }
        Poll poll = new Poll(cursor, limit, waiter, within);
        open.add(poll);
        poll.answer.whenComplete((page, failure) -> release(poll));
        timer.schedule(() -> poll.answer.complete(new EventPage(List.of(), poll.cursor)), wait.toMillis(),
                TimeUnit.MILLISECONDS);
        wake(); // an event may have committed between the caller's first look and now
        return poll.answer;
    }

    /** New events may have committed: look once (coalesced) on the timer thread. */
    void wake() {
        if (checkQueued.compareAndSet(false, true)) {
            timer.execute(() -> {
                checkQueued.set(false);
                check();
            });
        }
    }

    private void check() {
        if (open.isEmpty()) {
            return;
        }
        try {
            long latest = log.latest();
            for (Poll poll : open) {
                if (poll.cursor < latest && !poll.answer.isDone()) {
                    EventPage page = log.page(poll.cursor, poll.limit, poll.within);
                    if (page.events().isEmpty()) {
                        poll.cursor = page.cursor(); // only events outside its scope: wait on
                    } else {
                        poll.answer.complete(page);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read new events for {} waiting long polls; will try again", open.size(), e);
        }
    }

    private void release(Poll poll) {
        if (open.remove(poll)) {
            total.decrementAndGet();
            perWaiter.computeIfPresent(poll.waiter, (w, n) -> n.decrementAndGet() == 0 ? null : n);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (Poll poll : open) {
            poll.answer.complete(new EventPage(List.of(), poll.cursor));
        }
    }
}
