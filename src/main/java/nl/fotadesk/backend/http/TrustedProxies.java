package nl.fotadesk.backend.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} is believed, as addresses and CIDR ranges.
 * A request's client is the peer of its connection, unless that peer is a trusted proxy: then it is the
 * last address in {@code X-Forwarded-For} that is not a trusted proxy, read from the right, where each
 * proxy appends the address it was reached from. Whatever a client wrote further left is never read,
 * and from an untrusted peer the header is ignored, so a client cannot choose its own address.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final String FORWARDED_FOR = HttpHeader.X_FORWARDED_FOR.asString();
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    /** Starts as InetAddress takes a literal (a hex digit or ':'), so an invalid one fails without a name lookup. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private record Range(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * From entries such as {@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code fd00::/8}: IP literals only, so
     * reading them never asks a name server.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            int max = address == null ? 0 : address.getAddress().length * 8;
            int bits = address == null ? -1 : slash < 0 ? max : prefixLength(text.substring(slash + 1));
            if (address == null || bits < 0 || bits > max) {
                throw new IllegalArgumentException("a trusted proxy is an IP address or a CIDR range such as"
                        + " 10.0.0.0/24; got \"" + entry + "\"");
            }
            ranges.add(new Range(address.getAddress(), bits));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** The address {@code request} comes from, as the class comment says. */
    public String clientAddress(Request request) {
        String peer = Request.getRemoteAddr(request);
        return ranges.isEmpty() ? peer : clientAddress(peer, request.getHeaders().getValuesList(FORWARDED_FOR));
    }

    /**
     * The client's address of a request from {@code peer} with these {@code X-Forwarded-For} header values
     * (each a comma-separated list of hops, the nearest last).
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(literal(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break; // not an address: nothing left of it can be believed
            }
            client = hop.getHostAddress();
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean trusts(InetAddress address) {
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }

    /** An IPv4 or IPv6 literal (IPv6 also in brackets), or null for anything else. */
    private static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a valid literal: no name lookup; an invalid IPv6 one throws
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int prefixLength(String text) {
        return text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1;
    }
}
