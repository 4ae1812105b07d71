package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {
    /** Callers catch ProtocolException alone to turn any parser's error into a 4xx answer. */
    @Test
    void everyParserErrorIsAProtocolException() {
        List<RuntimeException> errors = List.of(new SenmlException("s"), new ByteRangeException("b"),
                new InvalidImeiException("i"), new InvalidSecretException("d"), new ProtocolException("p"));
        assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(ProtocolException.class).hasNoCause());
        assertThat(errors).extracting(Throwable::getMessage).containsExactly("s", "b", "i", "d", "p");
    }
}
