package nl.fotadesk.backend.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in TCP mode on loopback, as deploy/ configures nginx: each client connection goes,
 * round robin, to a node that accepts it, and its bytes pass through unchanged (so the device's own
 * connection is the one the per-connection request limit counts). A node that refuses is skipped.
 */
final class TcpBalancer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Integer> nodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "balancer");
        t.setDaemon(true);
        return t;
    });

    TcpBalancer(List<Integer> nodePorts) throws IOException {
        nodes.addAll(nodePorts);
        listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void add(int nodePort) {
        nodes.add(nodePort);
    }

    /** How many client connections went to the node on {@code nodePort}. */
    int connectionsTo(int nodePort) {
        return connections.getOrDefault(nodePort, new AtomicInteger()).get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket node = connect();
        if (node == null) {
            close(client, null);
            return;
        }
        threads.execute(() -> pump(client, node));
        pump(node, client);
    }

    /** The next node in turn that accepts a connection, or null when none does. */
    private Socket connect() {
        List<Integer> ports = List.copyOf(nodes);
        if (ports.isEmpty()) {
            return null;
        }
        int first = Math.floorMod(next.getAndIncrement(), ports.size());
        for (int i = 0; i < ports.size(); i++) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                int port = ports.get((first + i) % ports.size());
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                connections.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                return s;
            } catch (IOException e) {
                close(s, null);
            }
        }
        return null;
    }

    /** Copies until either side ends, then ends both: a node that dies drops its clients' connections. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            close(from, to);
        }
    }

    private static void close(Socket a, Socket b) {
        for (Socket s : new Socket[]{a, b}) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
