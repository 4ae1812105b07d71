package nl.fotadesk.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Byte-level HTTP/1.1 for the conformance tests: requests are written as exact bytes, responses are
 * read with their head kept verbatim, so header names, their casing, order and repetitions can be
 * checked as a device's C library would see them.
 */
final class Wire implements AutoCloseable {
    /** One header line as the server wrote it. */
    record Header(String name, String value) {
    }

    /** One response: the raw head (status line to the empty line, CRLFs included) and the body. */
    record Response(String head, int status, List<Header> headers, byte[] body, int bodyBytesOnWire) {
        /** The values of every header line whose name is exactly {@code exactName} (case-sensitive). */
        List<String> all(String exactName) {
            return headers.stream().filter(h -> h.name().equals(exactName)).map(Header::value).toList();
        }

        /** The value of the one header line named exactly {@code exactName}; fails if there are several. */
        String header(String exactName) {
            List<String> values = all(exactName);
            if (values.size() > 1) {
                throw new AssertionError("header " + exactName + " appears " + values.size() + " times in\n" + head);
            }
            return values.isEmpty() ? null : values.get(0);
        }

        /** Header values looked up case-insensitively, to tell "missing" from "wrongly cased". */
        List<String> anyCase(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The whole response as it travelled: head plus body bytes. */
        int totalBytes() {
            return head.getBytes(StandardCharsets.ISO_8859_1).length + bodyBytesOnWire;
        }
    }

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Wire(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    Wire send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return this;
    }

    Wire send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Response read() throws IOException {
        return read(false);
    }

    /** Reads one response; {@code toHead} when it answers a HEAD request (no body follows). */
    Response read(boolean toHead) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed " + (head.size() == 0 ? "before a response"
                        : "in the head: " + head.toString(StandardCharsets.ISO_8859_1)));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
        }
        Response partial = new Response(text, status, headers, new byte[0], 0);
        if (toHead || status == 204 || status == 304 || status / 100 == 1) {
            return partial;
        }
        String length = single(partial, "content-length");
        String encoding = single(partial, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(partial);
        }
        if (length == null) {
            byte[] rest = in.readAllBytes();
            return new Response(text, status, headers, rest, rest.length);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length != Integer.parseInt(length)) {
            throw new IOException("body shorter than Content-Length " + length);
        }
        return new Response(text, status, headers, body, body.length);
    }

    /** Whether the server closed the connection (EOF) within the timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Whether nothing more arrives for {@code millis} while the connection stays open. */
    boolean idleFor(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Sends one request on a fresh connection and reads its answer. */
    static Response exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response exchange(int port, byte[] request) throws IOException {
        try (Wire wire = new Wire(port)) {
            return wire.send(request).read(new String(request, 0, Math.min(5, request.length),
                    StandardCharsets.ISO_8859_1).startsWith("HEAD "));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Response chunked(Response partial) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int onWire = 0;
        while (true) {
            String sizeLine = line();
            onWire += sizeLine.length() + 2;
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer; !(trailer = line()).isEmpty(); ) {
                    onWire += trailer.length() + 2;
                }
                onWire += 2;
                break;
            }
            body.writeBytes(in.readNBytes(size));
            line();
            onWire += size + 2;
        }
        return new Response(partial.head(), partial.status(), partial.headers(), body.toByteArray(), onWire);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String single(Response r, String name) {
        List<String> values = r.anyCase(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] b = head.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }
}
