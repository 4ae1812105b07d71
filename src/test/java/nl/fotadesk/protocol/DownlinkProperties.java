package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class DownlinkProperties {
    private static final String BN = "urn:dev:IMEI:490154203237518:";

    @Property
    void roundTrips(@ForAll("imeis") String imei, @ForAll("text") String url, @ForAll("text") String token,
                    @ForAll("maybeText") String version, @ForAll @LongRange(max = 1L << 53) long size,
                    @ForAll boolean withSize, @ForAll("maybeText") String sha256) {
        String baseName = DeviceUrn.of(imei);
        Downlink downlink = new Downlink(baseName, url, token, version, withSize ? size : null, sha256);
        byte[] json = downlink.toJson();
        assertThat(Downlink.parse(json, baseName)).contains(downlink);
        assertThat(Downlink.parse(json, baseName.substring(0, baseName.length() - 1))).isEmpty();
    }

    @Property(tries = 2000)
    void malformedInputGivesOnlyItsOwnError(@ForAll("malformed") byte[] json) {
        try {
            Downlink.parse(json, BN).ifPresent(d -> assertThat(d.baseName()).isEqualTo(BN));
        } catch (SenmlException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> malformed() {
        String full = new String(new Downlink(BN, "http://h:1/f/v1/id", "a.b.c", "3.0.3", 183424L, "ab").toJson(),
                StandardCharsets.UTF_8);
        return Arbitraries.oneOf(Fuzz.mutationsOf(List.of(full)), Fuzz.hostile());
    }

    @Provide
    Arbitrary<String> imeis() {
        return Arbitraries.strings().numeric().ofLength(14).map(Imei::withCheckDigit);
    }

    /** Any text at all, lone surrogates and control characters included. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> maybeText() {
        return text().injectNull(0.3);
    }
}
