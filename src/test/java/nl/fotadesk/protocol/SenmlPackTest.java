package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SenmlPackTest {
    private static final double NOW = 1_764_201_600.5;
    private static final String BN = "urn:dev:IMEI:490154203237518:";

    private static SenmlPack parse(String json) {
        return SenmlPack.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static SenmlRecord number(String name, double time, String unit, double value) {
        return new SenmlRecord(name, time, unit, value, null, null, null, null);
    }

    @Nested
    class Resolution {
        @Test
        void readsTheProtocolExample() {
            SenmlPack pack = parse("[{\"bn\":\"" + BN + "\",\"bt\":1764201600},{\"n\":\"firmware\",\"vs\":\"3.0.2\"}]");

            assertThat(pack.firstBaseName()).isEqualTo(BN);
            assertThat(pack.records()).containsExactly(
                    new SenmlRecord(BN + "firmware", 1764201600, null, null, "3.0.2", null, null, null));
            assertThat(pack.findField("firmware").orElseThrow().stringValue()).isEqualTo("3.0.2");
        }

        @Test
        void appliesBaseFieldsToLaterRecordsUntilReplaced() {
            SenmlPack pack = parse("""
                    [{"bn":"dev:","bt":1700000000,"bu":"Cel","bv":10,"bs":100,"n":"a","v":1},
                     {"n":"b","t":5,"v":2,"u":"%"},
                     {"n":"c","s":3},
                     {"bn":"other:","bt":1800000000,"bu":"V","bv":-1,"n":"d","t":-2,"v":4,"s":1}]""");

            assertThat(pack.records()).containsExactly(
                    number("dev:a", 1700000000, "Cel", 11),
                    number("dev:b", 1700000005, "%", 12),
                    new SenmlRecord("dev:c", 1700000000, "Cel", null, null, null, null, 103.0),
                    new SenmlRecord("other:d", 1799999998, "V", 3.0, null, null, null, 101.0));
        }

        @Test
        void resolvesEveryValueType() {
            SenmlPack pack = parse("""
                    [{"bn":"x:","n":"v","v":1.5},{"n":"vs","vs":"text"},{"n":"vb","vb":false},
                     {"n":"vd","vd":"aG9paG9pAA"}]""");

            assertThat(pack.records()).containsExactly(
                    new SenmlRecord("x:v", NOW, null, 1.5, null, null, null, null),
                    new SenmlRecord("x:vs", NOW, null, null, "text", null, null, null),
                    new SenmlRecord("x:vb", NOW, null, null, null, false, null, null),
                    new SenmlRecord("x:vd", NOW, null, null, null, null, "aG9paG9pAA", null));
        }

        @Test
        void baseValueAppliesOnlyToNumericValues() {
            SenmlPack pack = parse("[{\"bv\":5,\"n\":\"a\",\"vs\":\"s\"},{\"n\":\"b\",\"v\":1}]");
            assertThat(pack.records().get(0).value()).isNull();
            assertThat(pack.records().get(1).value()).isEqualTo(6.0);
        }

        @Test
        void timesBelowTwoToThe28AreRelativeToNow() {
            SenmlPack pack = parse("""
                    [{"n":"none","v":1},{"n":"back","t":-60,"v":1},{"n":"ahead","t":268435455,"v":1},
                     {"n":"absolute","t":268435456,"v":1}]""");

            assertThat(pack.records()).extracting(SenmlRecord::time)
                    .containsExactly(NOW, NOW - 60, NOW + 268435455, 268435456.0);
        }

        @Test
        void relativeBaseTimeAddsToNow() {
            SenmlPack pack = parse("[{\"bt\":-10,\"n\":\"a\",\"t\":-5,\"v\":1}]");
            assertThat(pack.records().get(0).time()).isEqualTo(NOW - 15);
        }

        @Test
        void baseOnlyRecordsSetBasesButAreNotListed() {
            SenmlPack pack = parse("[{\"bn\":\"a:\"},{\"n\":\"x\",\"v\":1},{\"bn\":\"b:\",\"bver\":10},{\"n\":\"y\",\"v\":2}]");
            assertThat(pack.records()).extracting(SenmlRecord::name).containsExactly("a:x", "b:y");
            assertThat(pack.firstBaseName()).isEqualTo("a:");
        }

        @Test
        void baseNameAloneIsAName() {
            assertThat(parse("[{\"bn\":\"temp\",\"v\":1}]").records().get(0).name()).isEqualTo("temp");
            assertThat(parse("[{\"n\":\"temp\",\"v\":1}]").firstBaseName()).isNull();
        }

        @Test
        void firstBaseNameIsTheFirstRecordsOnly() {
            assertThat(parse("[{\"n\":\"a\",\"v\":1},{\"bn\":\"b:\",\"n\":\"c\",\"v\":1}]").firstBaseName()).isNull();
            assertThat(parse("[{\"bn\":\"urn:dev:IMEI:1\\u0032:\",\"n\":\"c\",\"v\":1}]").firstBaseName())
                    .isEqualTo("urn:dev:IMEI:12:");
        }

        @Test
        void acceptsEveryNameCharacter() {
            String name = "AZaz09-:./_";
            assertThat(parse("[{\"n\":\"" + name + "\",\"v\":1}]").records().get(0).name()).isEqualTo(name);
        }

        @Test
        void ignoresUnknownFieldsWithoutUnderscore() {
            SenmlPack pack = parse("[{\"n\":\"a\",\"v\":1,\"foo\":{\"deep\":[1,{\"x_\":null}]},\"ut\":5,\"_x\":1}]");
            assertThat(pack.records()).containsExactly(number("a", NOW, null, 1));
        }

        @Test
        void anyStringIsAcceptedAsData() {
            assertThat(parse("[{\"n\":\"a\",\"vd\":\"not base64 !\"}]").records().get(0).dataValue())
                    .isEqualTo("not base64 !");
        }

        @Test
        void sumMayComeWithOrWithoutAValue() {
            assertThat(parse("[{\"n\":\"a\",\"s\":2}]").records().get(0))
                    .isEqualTo(new SenmlRecord("a", NOW, null, null, null, null, null, 2.0));
            assertThat(parse("[{\"n\":\"a\",\"s\":2,\"vb\":true}]").records().get(0))
                    .isEqualTo(new SenmlRecord("a", NOW, null, null, null, true, null, 2.0));
        }

        @Test
        void acceptsWhitespaceAroundTheArray() {
            assertThat(parse(" \n[{\"n\":\"a\",\"v\":1}]\r\n ").records()).hasSize(1);
        }

        @Test
        void findReturnsTheLastRecordWithThatName() {
            SenmlPack pack = parse("[{\"bn\":\"d:\",\"n\":\"fotaState\",\"vs\":\"idle\"},{\"n\":\"fotaProgress\",\"v\":10},"
                    + "{\"n\":\"fotaState\",\"vs\":\"downloading\"}]");

            assertThat(pack.find("d:fotaState").orElseThrow().stringValue()).isEqualTo("downloading");
            assertThat(pack.findField("fotaState").orElseThrow().stringValue()).isEqualTo("downloading");
            assertThat(pack.findField("fotaProgress").orElseThrow().value()).isEqualTo(10.0);
            assertThat(pack.find("fotaState")).isEmpty();
            assertThat(pack.findField("firmware")).isEmpty();
        }

        @Test
        void findFieldWithoutBaseNameUsesThePlainName() {
            SenmlPack pack = parse("[{\"n\":\"firmware\",\"vs\":\"1.0\"}]");
            assertThat(pack.findField("firmware")).isPresent();
        }

        @Test
        void recordsAreUnmodifiable() {
            SenmlPack pack = parse("[{\"n\":\"a\",\"v\":1}]");
            assertThatThrownBy(() -> pack.records().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Validation {
        private void rejects(String json, String message) {
            assertThatThrownBy(() -> parse(json)).isInstanceOf(SenmlException.class).hasMessage(message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", " [ ] ", "{}", "{\"n\":\"a\",\"v\":1}", "\"text\"", "1", "null", "true", ""})
        void rootMustBeANonEmptyArray(String json) {
            rejects(json, "root must be a non-empty array of records");
        }

        @Test
        void nullBodyIsNotAPack() {
            assertThatThrownBy(() -> SenmlPack.parse(null, NOW)).isInstanceOf(SenmlException.class)
                    .hasMessage("root must be a non-empty array of records");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"n\":\"a\",\"v\":1}", "[{\"n\":\"a\",\"v\":", "[{\"n\":\"a\",\"v\":1},]",
                "[{'n':'a','v':1}]", "[{\"n\":\"a\",\"v\":NaN}]", "[{\"n\":\"a\",\"v\":01}]", "[{n:\"a\",\"v\":1}]",
                "[{\"n\":\"a\",\"v\":1}] x", "[{\"n\":\"a\",\"v\":1}]]", "[{\"n\":\"a\" \"v\":1}]",
                "[{\"n\":\"a\",\"v\":1}] // comment", "\u0000"})
        void rejectsInvalidJson(String json) {
            assertThatThrownBy(() -> parse(json)).isInstanceOf(SenmlException.class)
                    .hasMessageStartingWith("not valid JSON: ");
        }

        @Test
        void invalidJsonSaysWhere() {
            // Jackson's wording may change between versions; the position is ours.
            assertThatThrownBy(() -> parse("[{\"n\":\"a\",\n\"v\":x}]")).isInstanceOf(SenmlException.class)
                    .hasMessageStartingWith("not valid JSON: Unrecognized token 'x'")
                    .hasMessageEndingWith(" at line 2, column 5");
        }

        @Test
        void rejectsInvalidUtf8() {
            byte[] json = {'[', '{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', ',', '"', 'v', '"', ':', '1', '}', ']'};
            assertThatThrownBy(() -> SenmlPack.parse(json, NOW)).isInstanceOf(SenmlException.class)
                    .hasMessageStartingWith("not valid JSON: ");
        }

        @Test
        void rejectsTrailingData() {
            rejects("[{\"n\":\"a\",\"v\":1}] [{\"n\":\"a\",\"v\":1}]", "trailing data after the array");
            rejects("[{\"n\":\"a\",\"v\":1}]1", "trailing data after the array");
        }

        @Test
        void everyRecordIsAnObject() {
            rejects("[{\"n\":\"a\",\"v\":1},5]", "record 2: not a JSON object");
            rejects("[[{\"n\":\"a\",\"v\":1}]]", "record 1: not a JSON object");
            rejects("[null]", "record 1: not a JSON object");
        }

        @Test
        void oneValueFieldPerRecord() {
            rejects("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1,\"vs\":\"x\"}]", "record 2: two value fields");
            rejects("[{\"n\":\"a\",\"vb\":true,\"vd\":\"x\",\"vs\":\"x\",\"v\":1}]", "record 1: four value fields");
            rejects("[{\"n\":\"a\",\"s\":1,\"vb\":true,\"vd\":\"x\"}]", "record 1: two value fields");
        }

        @Test
        void aValueOrSumIsRequired() {
            rejects("[{\"n\":\"a\"}]", "record 1: no value field");
            rejects("[{\"n\":\"a\",\"v\":1},{\"bn\":\"b\",\"u\":\"V\"}]", "record 2: no value field");
            rejects("[{\"bn\":\"b\",\"t\":5}]", "record 1: no value field");
            rejects("[{}]", "record 1: no value field");
            rejects("[{\"foo\":1}]", "record 1: no value field");
        }

        @Test
        void nameMustNotBeEmpty() {
            rejects("[{\"v\":1}]", "record 1: name is empty");
            rejects("[{\"bn\":\"\",\"n\":\"\",\"v\":1}]", "record 1: name is empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-x", ":x", ".x", "/x", "_x"})
        void nameMustStartWithALetterOrDigit(String name) {
            rejects("[{\"n\":\"" + name + "\",\"v\":1}]", "record 1: name \"" + name + "\" must start with a letter or digit");
        }

        @Test
        void resolvedNameIsChecked() {
            rejects("[{\"bn\":\"-dev:\"},{\"n\":\"x\",\"v\":1}]", "record 2: name \"-dev:x\" must start with a letter or digit");
            // bn alone may start with anything as long as the resolved name is valid: here it is never used
            assertThat(parse("[{\"bn\":\"-dev:\"}]").records()).isEmpty();
        }

        @Test
        void nameUsesOnlyTheAllowedCharacters() {
            rejects("[{\"n\":\"a b\",\"v\":1}]",
                    "record 1: name \"a b\" may only use A-Z a-z 0-9 - : . / _, has \" \" at position 2");
            rejects("[{\"n\":\"caf\u00e9\",\"v\":1}]",
                    "record 1: name \"caf\u00e9\" may only use A-Z a-z 0-9 - : . / _, has \"\u00e9\" at position 4");
            rejects("[{\"n\":\"a\\n\",\"v\":1}]",
                    "record 1: name \"a\\u000a\" may only use A-Z a-z 0-9 - : . / _, has \"\\u000a\" at position 2");
            rejects("[{\"n\":\"\u00e9\",\"v\":1}]", "record 1: name \"\u00e9\" must start with a letter or digit");
        }

        @Test
        void versionIsAtMostTen() {
            rejects("[{\"bver\":11,\"n\":\"a\",\"v\":1}]", "record 1: bver 11 is above 10");
            assertThat(parse("[{\"bver\":10,\"n\":\"a\",\"v\":1}]").records()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "1.5"})
        void versionIsAPositiveWholeNumber(String version) {
            rejects("[{\"bver\":" + version + ",\"n\":\"a\",\"v\":1}]",
                    "record 1: bver " + version + " must be a positive whole number");
        }

        @Test
        void versionIsTheSameInEveryRecord() {
            rejects("[{\"bver\":4,\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1},{\"bver\":5,\"n\":\"c\",\"v\":1}]",
                    "record 3: bver 5 differs from 4 in record 1");
            assertThat(parse("[{\"bver\":4,\"n\":\"a\",\"v\":1},{\"bver\":4.0,\"n\":\"b\",\"v\":1}]").records()).hasSize(2);
        }

        @Test
        void unknownMandatoryFieldsAreErrors() {
            rejects("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":1,\"foo_\":1}]", "record 2: unknown mandatory field \"foo_\"");
            rejects("[{\"_\":1,\"n\":\"a\",\"v\":1}]", "record 1: unknown mandatory field \"_\"");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "\"v\":\"1\"        | \"v\" must be a number",
                "\"v\":null         | \"v\" must be a number",
                "\"v\":true         | \"v\" must be a number",
                "\"s\":[1]          | \"s\" must be a number",
                "\"t\":\"0\"        | \"t\" must be a number",
                "\"bt\":{}          | \"bt\" must be a number",
                "\"bv\":\"x\"       | \"bv\" must be a number",
                "\"bs\":null        | \"bs\" must be a number",
                "\"bver\":\"10\"    | \"bver\" must be a number",
                "\"ut\":\"x\"       | \"ut\" must be a number",
                "\"vs\":1           | \"vs\" must be a string",
                "\"vd\":[]          | \"vd\" must be a string",
                "\"n\":1            | \"n\" must be a string",
                "\"bn\":null        | \"bn\" must be a string",
                "\"u\":false        | \"u\" must be a string",
                "\"bu\":2           | \"bu\" must be a string",
                "\"vb\":\"true\"    | \"vb\" must be true or false",
                "\"vb\":1           | \"vb\" must be true or false",
        })
        void fieldTypesAreChecked(String field, String problem) {
            rejects("[{\"n\":\"ok\",\"v\":1},{" + field + "}]", "record 2: " + problem);
        }

        @Test
        void numbersMustBeFinite() {
            rejects("[{\"n\":\"a\",\"v\":1e400}]", "record 1: \"v\" is not a finite number");
            rejects("[{\"n\":\"a\",\"bt\":-1e999,\"v\":1}]", "record 1: \"bt\" is not a finite number");
            rejects("[{\"n\":\"a\",\"v\":" + "9".repeat(400) + "}]", "record 1: \"v\" is not a finite number");
        }

        @Test
        void resolvedNumbersMustBeFinite() {
            rejects("[{\"n\":\"a\",\"bv\":1e308,\"v\":1e308}]", "record 1: \"v\" with its base field is not a finite number");
            rejects("[{\"n\":\"a\",\"bs\":-1e308,\"s\":-1e308}]", "record 1: \"s\" with its base field is not a finite number");
            rejects("[{\"n\":\"a\",\"bt\":1e308,\"t\":1e308,\"v\":1}]", "record 1: \"t\" with its base field is not a finite number");
        }

        @Test
        void hugeButFiniteNumbersAreKept() {
            assertThat(parse("[{\"n\":\"a\",\"v\":" + "9".repeat(300) + "}]").records().get(0).value())
                    .isEqualTo(1e300);
        }

        @Test
        void deepNestingIsRejectedWithoutOverflowingTheStack() {
            String deep = "[".repeat(100_000) + "]".repeat(100_000);
            assertThatThrownBy(() -> parse("[{\"n\":\"a\",\"v\":1,\"x\":" + deep + "}]"))
                    .isInstanceOf(SenmlException.class)
                    .hasMessageStartingWith("not valid JSON: Document nesting depth (1001) exceeds the maximum allowed");
            assertThat(parse("[{\"n\":\"a\",\"v\":1,\"x\":" + "[".repeat(500) + "]".repeat(500) + "}]").records())
                    .hasSize(1);
        }

        @Test
        void overlongNumbersAreRejected() {
            assertThatThrownBy(() -> parse("[{\"n\":\"a\",\"v\":" + "1".repeat(5000) + "}]"))
                    .isInstanceOf(SenmlException.class)
                    .hasMessageStartingWith("not valid JSON: Number value length (5000) exceeds the maximum allowed");
        }

        @Test
        void duplicateFieldsAreErrors() {
            rejects("[{\"n\":\"a\",\"n\":\"b\",\"v\":1}]", "record 1: duplicate field \"n\"");
            rejects("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":1,\"v\":2}]", "record 2: duplicate field \"v\"");
            rejects("[{\"n\":\"a\",\"v\":1,\"x\":1,\"x\":{}}]", "record 1: duplicate field \"x\"");
        }

        @Test
        void duplicatesInsideIgnoredValuesDoNotMatter() {
            assertThat(parse("[{\"n\":\"a\",\"v\":1,\"x\":{\"y\":1,\"y\":2}}]").records()).hasSize(1);
        }

        @Test
        void sameFieldInDifferentRecordsIsFine() {
            assertThat(parse("[{\"n\":\"a\",\"v\":1},{\"n\":\"a\",\"v\":2}]").records()).hasSize(2);
        }
    }
}
