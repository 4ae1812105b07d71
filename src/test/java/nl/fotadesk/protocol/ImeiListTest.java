package nl.fotadesk.protocol;

import nl.fotadesk.protocol.ImeiList.Problem;
import nl.fotadesk.protocol.ImeiList.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed, pasted and imported IMEI lists: separators, quotes, headers, duplicates, and bad entries with their line. */
class ImeiListTest {
    static final String A = Imei.withCheckDigit("35693803564380");
    static final String B = Imei.withCheckDigit("35693803564381");
    static final String C = Imei.withCheckDigit("86720604000001");

    @Test
    void readsOnePerLineOrSeparatedByCommasSemicolonsAndSpaces() {
        ImeiList r = ImeiList.parse("imei\n" + A + "\r\n" + B + ", " + C + ";\t\"" + A + "\"\n\n");
        assertThat(r.imeis()).containsExactly(A, B, C);
        assertThat(r.lines()).as("where each first appears").containsExactly(2, 3, 3);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.valid()).isTrue();
    }

    @Test
    void unquotesEntriesAndCountsABadEntryOnceInTheInvalidOnes() {
        ImeiList r = ImeiList.parse("'" + A + "',\n12345\t" + A + " 12345");
        assertThat(r.imeis()).containsExactly(A);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.problems()).hasSize(2);
        assertThat(r.invalid()).containsExactly("12345");
    }

    @Test
    void reportsEachBadEntryWithItsLine() {
        String typo = A.substring(0, 14) + (A.charAt(14) == '9' ? '0' : (char) (A.charAt(14) + 1));
        ImeiList r = ImeiList.parse(A + "\n12345\n" + B + ",35693803564381x\n" + typo);
        assertThat(r.imeis()).containsExactly(A, B);
        assertThat(r.problems()).containsExactly(
                new Problem(2, "12345", Reason.LENGTH, "5"),
                new Problem(3, "35693803564381x", Reason.NOT_DIGITS, "x"),
                new Problem(4, typo, Reason.CHECK_DIGIT, String.valueOf(A.charAt(14))));
        assertThat(r.valid()).isFalse();
    }

    @Test
    void aHeaderCountsOnlyOnTheFirstLine() {
        assertThat(ImeiList.parse("IMEI\n" + A).problems()).isEmpty();
        assertThat(ImeiList.parse(A + "\nimei").problems()).extracting(Problem::reason).containsExactly(Reason.NOT_DIGITS);
    }

    @Test
    void emptyTextIsAnEmptyList() {
        assertThat(ImeiList.parse("  \n ,, \n").imeis()).isEmpty();
        assertThat(ImeiList.parse("  \n ,, \n").isEmpty()).isTrue();
        assertThat(ImeiList.parse(null).problems()).isEmpty();
    }

    @Test
    void extractsEveryFifteenDigitNumberFromAFile() {
        assertThat(ImeiList.extract("imei,deviceType,client\n" + A + ",tracker-x,acme\n1234567890123456,x\n"))
                .containsExactly(A);
    }
}
