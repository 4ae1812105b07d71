package nl.fotadesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs {@code clients} keep-alive clients in a tight loop for a while and counts the answered requests;
 * client {@code c} talks to the {@code c % ports.length}-th port, so one run can load several nodes.
 */
final class LoadRun {
    /** Makes the next request of one client; {@code n} counts that client's requests. */
    interface Requests {
        byte[] request(int client, long n);
    }

    private LoadRun() {
    }

    /** @return requests per second; fails when any answer has another status than {@code expected} */
    static double run(String host, int port, int clients, double seconds, Requests requests, int... expected)
            throws InterruptedException {
        return run(host, new int[]{port}, clients, seconds, requests, expected)[0];
    }

    /** @return requests per second answered by each port */
    static double[] run(String host, int[] ports, int clients, double seconds, Requests requests, int... expected)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray done = new AtomicLongArray(ports.length);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            int node = c % ports.length;
            Thread thread = new Thread(() -> {
                try (RawHttpClient http = new RawHttpClient(host, ports[node])) {
                    for (long n = 0; !stop.get(); n++) {
                        RawHttpClient.Response r = http.send(requests.request(client, n));
                        if (!contains(expected, r.status())) {
                            throw new IllegalStateException("unexpected status " + r.status() + ": "
                                    + new String(r.body()));
                        }
                        done.incrementAndGet(node);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "load-" + client);
            thread.start();
            threads.add(thread);
        }
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double[] rates = new double[ports.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = done.get(i);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("load run failed", failures.get(0));
        }
        for (int i = 0; i < rates.length; i++) {
            rates[i] /= elapsed;
        }
        return rates;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
