package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class SenmlPackProperties {
    private static final double NOW = 1_764_201_600;
    private static final List<String> VALID = List.of(
            "[{\"bn\":\"urn:dev:IMEI:490154203237518:\",\"bt\":1764201600},{\"n\":\"firmware\",\"vs\":\"3.0.2\"}]",
            "[{\"bn\":\"d:\",\"bver\":10,\"bu\":\"%\",\"bv\":1,\"bs\":2,\"n\":\"fotaProgress\",\"v\":40,\"t\":-5},"
                    + "{\"n\":\"fotaState\",\"vs\":\"downloading\",\"ut\":60},{\"n\":\"ok\",\"vb\":true},"
                    + "{\"n\":\"blob\",\"vd\":\"aG9paG9pAA\"},{\"n\":\"count\",\"s\":3,\"ext\":{\"a\":[1,2]}}]",
            "[{\"bn\":\"urn:dev:IMEI:490154203237518:\"},{\"n\":\"url\",\"vs\":\"http://h:1/f/v1/x\"},"
                    + "{\"n\":\"token\",\"vs\":\"a.b.c\"},{\"n\":\"fotaSize\",\"v\":183424}]");

    /** The parser either returns a well-formed pack or throws its own error, never anything else. */
    private static void parsesOrRejects(byte[] json) {
        try {
            SenmlPack pack = SenmlPack.parse(json, NOW);
            assertThat(pack.records()).allSatisfy(SenmlPackProperties::isWellFormed);
            Statistics.collect("accepted");
        } catch (SenmlException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            Statistics.collect("rejected");
        }
    }

    private static void isWellFormed(SenmlRecord r) {
        assertThat(r.name()).matches("[A-Za-z0-9][A-Za-z0-9\\-:./_]*");
        assertThat(Double.isFinite(r.time())).isTrue();
        long values = Stream.of(r.value(), r.stringValue(), r.booleanValue(), r.dataValue())
                .filter(Objects::nonNull).count();
        if (r.sum() == null) {
            assertThat(values).isEqualTo(1);
        } else {
            assertThat(values).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 2000)
    void mutatedValidPacks(@ForAll("mutated") byte[] json) {
        parsesOrRejects(json);
        // Both outcomes must be common, or the mutations test nothing but one path.
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p > 5);
            c.check("rejected").percentage(p -> p > 50);
        });
    }

    @Property(tries = 2000)
    void hostileInput(@ForAll("hostile") byte[] json) {
        parsesOrRejects(json);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Fuzz.mutationsOf(VALID);
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return Fuzz.hostile();
    }

    /** A generated valid pack resolves to what was put in. */
    @Property
    void resolvesGeneratedPacks(@ForAll("names") String baseName, @ForAll("names") String name,
                                @ForAll @DoubleRange(min = -1e9, max = 1e9) double baseValue,
                                @ForAll @DoubleRange(min = -1e9, max = 1e9) double value,
                                @ForAll @IntRange(min = 0, max = 2_000_000_000) int baseTime,
                                @ForAll @IntRange(min = -1000, max = 1000) int time,
                                @ForAll @IntRange(min = 1, max = 5) int copies) {
        StringBuilder json = new StringBuilder("[{\"bn\":\"" + baseName + "\",\"bt\":" + baseTime + ",\"bv\":" + baseValue + "}");
        for (int i = 0; i < copies; i++) {
            json.append(",{\"n\":\"").append(name).append("\",\"t\":").append(time).append(",\"v\":").append(value + i).append('}');
        }
        SenmlPack pack = SenmlPack.parse(Fuzz.utf8(json.append(']').toString()), NOW);

        double absolute = baseTime + time;
        double expectedTime = absolute < (1 << 28) ? NOW + absolute : absolute;
        assertThat(pack.firstBaseName()).isEqualTo(baseName);
        assertThat(pack.records()).hasSize(copies).allSatisfy(r -> {
            assertThat(r.name()).isEqualTo(baseName + name);
            assertThat(r.time()).isEqualTo(expectedTime);
        });
        assertThat(pack.findField(name).orElseThrow().value()).isEqualTo(baseValue + (value + (copies - 1)));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars("-:./_").ofMaxLength(20);
        return first.flatMap(c -> rest.map(r -> c + r));
    }
}
