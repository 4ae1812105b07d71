package nl.fotadesk.backend;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The base URL devices reach the backend by, which every download URL in a downlink starts with.
 * Behind a load balancer, or on any address other devices can reach, only the operator knows it:
 * a node's own address would send devices around the balancer (and, with several nodes, each node
 * would hand out another). Only a backend on loopback, reachable from this machine alone, may derive it.
 */
final class PublicUrl {
    private PublicUrl() {
    }

    /**
     * Checks the configuration before anything starts.
     *
     * @throws IllegalArgumentException without a public URL on a non-loopback address, or for one that is no http(s) URL
     */
    static void check(String host, String publicUrl) {
        if (publicUrl == null) {
            if (!isLoopback(host)) {
                throw new IllegalArgumentException("a public URL (--public-url) is required when the server listens on "
                        + (host == null || host.isEmpty() ? "every address" : host) + ": devices must be sent to the"
                        + " address they reach the service by (the load balancer's, e.g. http://fota.example.net:8080),"
                        + " not to this node's own; only a server on a loopback address (127.0.0.1) derives it");
            }
            return;
        }
        URI uri;
        try {
            uri = new URI(publicUrl);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("the public URL (--public-url) must be an http or https URL with a host"
                    + " and no query, e.g. http://fota.example.net:8080; got \"" + publicUrl + "\"");
        }
    }

    /** The configured public URL without a trailing slash, or {@code listening} when none is configured. */
    static String of(String publicUrl, String listening) {
        if (publicUrl == null) {
            return listening;
        }
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Whether every address {@code host} names is a loopback address (reachable from this machine alone). */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
