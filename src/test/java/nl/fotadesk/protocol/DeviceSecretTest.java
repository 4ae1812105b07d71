package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeviceSecretTest {
    @Test
    void acceptsThirtyToOneHundredAlphanumerics() {
        assertThat(DeviceSecret.isValid("a".repeat(30))).isTrue();
        assertThat(DeviceSecret.isValid("Z".repeat(100))).isTrue();
        assertThat(DeviceSecret.isValid("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")).isTrue();
        assertThat(DeviceSecret.requireValid("a".repeat(30))).isEqualTo("a".repeat(30));
    }

    @Test
    void rejectsAWrongLength() {
        assertThat(DeviceSecret.isValid("a".repeat(29))).isFalse();
        assertThat(DeviceSecret.isValid("a".repeat(101))).isFalse();
        assertThat(DeviceSecret.isValid("MYKEY2")).isFalse();
        assertThatThrownBy(() -> DeviceSecret.requireValid("MYKEY2"))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessage("device secret must be 30 to 100 characters, got 6");
    }

    @Test
    void rejectsOtherCharactersWithoutEchoingTheSecret() {
        String secret = "a".repeat(20) + "-" + "b".repeat(20);
        assertThat(DeviceSecret.isValid(secret)).isFalse();
        assertThat(DeviceSecret.isValid("é".repeat(40))).isFalse();
        assertThatThrownBy(() -> DeviceSecret.requireValid(secret))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessage("device secret may only hold 0-9, A-Z and a-z, has a character outside them at position 21")
                .message().doesNotContain("aaaa");
    }

    @Test
    void rejectsNull() {
        assertThat(DeviceSecret.isValid(null)).isFalse();
        assertThatThrownBy(() -> DeviceSecret.requireValid(null)).isInstanceOf(InvalidSecretException.class)
                .hasMessage("device secret is missing");
    }

    @Test
    void generatesFortyCharacterSecrets() {
        SecureRandom random = new SecureRandom();
        String a = DeviceSecret.generate(random);
        String b = DeviceSecret.generate(random);
        assertThat(a).hasSize(40).matches("[0-9A-Za-z]{40}");
        assertThat(DeviceSecret.isValid(a)).isTrue();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void generationUsesTheWholeAlphabet() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            all.append(DeviceSecret.generate(random));
        }
        assertThat(all.chars().distinct().count()).isEqualTo(62);
    }
}
