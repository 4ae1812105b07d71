package nl.fotadesk.backend.rehearsal;

/**
 * Bytes on the wire of the exchanges of one update, as FOTA Desk's device library sends them and the
 * backend answers, counted on a socket ({@code WireBytesTest} checks the model against a real download
 * within 2 %). HTTP sizes are measured; the TCP/IP headers are added by formula: 52 bytes per segment
 * (IPv4 20 + TCP 20 + timestamps 12) of at most {@link #MSS} bytes, a delayed ACK for every second
 * segment of an answer, and per connection a handshake and close of {@link #CONNECTION_BYTES}.
 */
final class WireBytes {
    /**
     * A part request's request line and headers (OkHttp's, with the download's JWT bearer token) without
     * the digits of its {@code Range} value: {@code GET /f/v1/<id>}, {@code Authorization}, {@code Range},
     * {@code Host}, {@code Connection}, {@code Accept-Encoding}, {@code User-Agent}.
     */
    static final int PART_REQUEST = 392;
    /**
     * A 206 answer's status line and headers without the digits of {@code Content-Range} and
     * {@code Content-Length}: {@code Digest}, {@code Content-Type}, {@code Accept-Ranges}, {@code Connection}, {@code Date}.
     */
    static final int PART_ANSWER = 222;
    /** A routine uplink (state idle): its request line, headers with the message token, and the SenML pack. */
    static final int UPLINK_IDLE = 468;
    /** An uplink during an update: the pack also carries the progress or the result. */
    static final int UPLINK_REPORT = 509;
    /** The answer to an uplink while an update is active: 200 with the downlink (URL and token). */
    static final int ANSWER_WITH_DOWNLINK = 650;
    /** The answer to an uplink with nothing to send: 204. */
    static final int ANSWER_NO_CONTENT = 88;
    /** docs/protocol.md §3.7: a connection carries at most this many requests. */
    static final int REQUESTS_PER_CONNECTION = 100;

    static final int MSS = 1448;
    static final int SEGMENT_HEADER = 52;
    /** SYN and SYN-ACK with options (60 each), the ACK, and the close: FIN and ACK both ways. */
    static final int CONNECTION_BYTES = 60 + 60 + 52 + 4 * 52;

    private WireBytes() {
    }

    /** TCP/IP header bytes of one exchange: the request's segments, the answer's, and the ACKs of the answer. */
    static long tcpOfExchange(long requestBytes, long answerBytes) {
        long up = segments(requestBytes);
        long down = segments(answerBytes);
        return SEGMENT_HEADER * (up + down + (down + 1) / 2);
    }

    private static long segments(long bytes) {
        return Math.max(1, (bytes + MSS - 1) / MSS);
    }

    static int digits(long n) {
        return Long.toString(n).length();
    }
}
