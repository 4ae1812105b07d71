package nl.fotadesk.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Malformed and hostile JSON inputs shared by the parsers' property tests. */
final class Fuzz {
    /** Characters that make up JSON and SenML, so mutations often stay almost valid. */
    private static final String JSON_CHARS = "[]{}\":,.-+0123456789eEtrufalsn \\_bnvdsu\u00e9\u0000";

    private Fuzz() {
    }

    private record Edit(int kind, int position, char c) {
        String applyTo(String s) {
            int at = position % (s.length() + 1);
            return switch (kind) {
                case 0 -> s.substring(0, at) + c + s.substring(at);
                case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
                case 2 -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s;
                default -> s.substring(0, at); // truncate
            };
        }
    }

    /** Each valid input with one to five random insertions, deletions, replacements or a truncation. */
    static Arbitrary<byte[]> mutationsOf(List<String> validInputs) {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.of(JSON_CHARS.toCharArray()))
                .as(Edit::new);
        return Combinators.combine(Arbitraries.of(validInputs), edit.list().ofMinSize(1).ofMaxSize(5))
                .as((json, edits) -> {
                    String s = json;
                    for (Edit e : edits) {
                        s = e.applyTo(s);
                    }
                    return utf8(s);
                });
    }

    /** Random text, random bytes, deep nesting, huge numbers and long strings. */
    static Arbitrary<byte[]> hostile() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 3000);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(1200);
        return Arbitraries.oneOf(
                Arbitraries.strings().map(Fuzz::utf8),
                Arbitraries.strings().withChars(JSON_CHARS).ofMaxLength(60).map(Fuzz::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                depth.map(d -> utf8("[".repeat(d) + "]".repeat(d))),
                depth.map(d -> utf8("[".repeat(d))),
                depth.map(d -> utf8("[{\"n\":\"a\",\"v\":1,\"x\":" + "{\"y\":[".repeat(d) + "]}".repeat(d) + "}]")),
                depth.map(d -> utf8("[{\"n\":\"a\",\"v\":1,\"x\":" + "[".repeat(d) + "]".repeat(d) + "}]")),
                digits.map(n -> utf8("[{\"n\":\"a\",\"v\":" + n + "}]")),
                digits.map(n -> utf8("[{\"n\":\"a\",\"v\":-0." + n + "e-" + n + "}]")),
                digits.map(n -> utf8("[{\"n\":\"a\",\"bt\":1e" + n + ",\"v\":1}]")),
                digits.map(n -> utf8("[{\"bver\":" + n + ",\"n\":\"a\",\"v\":1}]")),
                Arbitraries.integers().between(0, 100_000)
                        .map(n -> utf8("[{\"n\":\"" + "a".repeat(n) + "\",\"vs\":\"" + "\\u0041".repeat(n % 5000) + "\"}]")));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
