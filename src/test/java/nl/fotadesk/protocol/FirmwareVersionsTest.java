package nl.fotadesk.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FirmwareVersionsTest {

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource({
            "1.9, 1.10",
            "1.2a, 1.10",
            "0.9.5, 1.0.0",
            "1.0, 1.0.1",
            "1.0-rc1, 1.0",
            "1.0.0-rc1, 1.0.0-RC2",
            "1.0-rc1, 1.0-RC2",
            "1.0-alpha, 1.0-alpha.1",
            "1.0-alpha.1, 1.0-beta",
            "1.0-beta.2, 1.0-beta.11",
            "1.0-rc.1, 1.0.0",
            "2.0, 2.0a",
            "1.0+build.1, 1.0+build.2",
            "1.0+build.9, 1.0.1",
            "01.2, 1.10",
            "1.99999999999999999999, 1.100000000000000000000",
            "fw_2020_01, fw_2020_10",
            "1.0_1, 1.0_2",
    })
    void ordersAsSemanticVersioningAndAsPeopleRead(String older, String newer) {
        assertThat(FirmwareVersions.compare(older, newer)).isNegative();
        assertThat(FirmwareVersions.compare(newer, older)).isPositive();
    }

    @Test
    void sortsAListAsOperatorsReadIt() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.9.2", "1.9.10", "2.0.0", "1.09.3", "1.0.0-rc1", "1.0.0"));
        versions.sort(FirmwareVersions.ORDER);
        assertThat(versions).containsExactly("1.0.0-rc1", "1.0.0", "1.9.2", "1.09.3", "1.9.10", "1.10.0", "2.0.0");
    }

    @Test
    void equalVersionsCompareEqualAndEqualByTheRulesStillHaveAnOrder() {
        assertThat(FirmwareVersions.compare("2.1.0", "2.1.0")).isZero();
        assertThat(FirmwareVersions.compare("1.01", "1.1")).isNotZero()
                .isEqualTo(-FirmwareVersions.compare("1.1", "1.01"));
        assertThat(FirmwareVersions.ORDER.compare(null, "1.0")).isNegative();
    }

    @Test
    void isATotalOrderOnGeneratedVersions() {
        Random random = new Random(11);
        String alphabet = "0123456789.-+_aAbrcR";
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder v = new StringBuilder().append(random.nextInt(10));
            for (int n = random.nextInt(8); n > 0; n--) {
                v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            versions.add(v.toString());
        }
        for (String a : versions) {
            for (String b : versions) {
                int ab = Integer.signum(FirmwareVersions.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(FirmwareVersions.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(FirmwareVersions::compare);
        Collections.shuffle(versions, random);
        versions.sort(FirmwareVersions::compare);
        assertThat(versions).isEqualTo(sorted);
        for (int i = 0; i + 2 < sorted.size(); i++) {
            assertThat(FirmwareVersions.compare(sorted.get(i), sorted.get(i + 2))).isNotPositive();
        }
    }
}
