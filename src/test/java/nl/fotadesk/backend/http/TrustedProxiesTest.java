package nl.fotadesk.backend.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address a request counts as, given the peer of its connection and its X-Forwarded-For. */
class TrustedProxiesTest {
    private static final TrustedProxies BALANCERS = TrustedProxies.of(List.of("10.0.0.5", "192.168.7.0/24", "fd00::/8"));

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(BALANCERS.clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(BALANCERS.clientAddress("10.0.0.6", List.of("203.0.113.7"))).as("next to a trusted address")
                .isEqualTo("10.0.0.6");
        assertThat(TrustedProxies.NONE.clientAddress("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void fromATrustedPeerTheLastUntrustedHopIsTheClient() {
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of(" 203.0.113.7 , 192.168.7.20")))
                .as("through two trusted proxies").isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("203.0.113.7", "192.168.7.20")))
                .as("the header given twice reads as one list").isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientAddress("fd12::1", List.of("[2001:db8::42]"))).isEqualTo("2001:db8:0:0:0:0:0:42");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("::ffff:203.0.113.7"))).as("IPv4-mapped")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void whatAClientWroteLeftOfItsOwnAddressIsNeverRead() {
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("1.2.3.4, 10.0.0.5, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("not-an-address, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalkAtTheLastTrustedHop() {
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("203.0.113.7, unknown"))).isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("203.0.113.7, 192.168.7.20, 999.1.1.1")))
                .isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("203.0.113.7, 192.168.7.20, x")))
                .isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of("x, 192.168.7.20"))).isEqualTo("192.168.7.20");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of(""))).isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientAddress("10.0.0.5", List.of())).as("no header").isEqualTo("10.0.0.5");
    }

    @Test
    void onlyAddressesAndRangesAreTrusted() {
        for (String bad : List.of("proxy.example.net", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0/8", "256.0.0.1",
                "10.0.0.1/-1", "::1%eth0", "", "/8")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + bad + "\"");
        }
        TrustedProxies all = TrustedProxies.of(List.of("0.0.0.0/0"));
        assertThat(all.clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(all.clientAddress("::1", List.of("203.0.113.7"))).as("an IPv4 range holds no IPv6 address")
                .isEqualTo("::1");
    }
}
