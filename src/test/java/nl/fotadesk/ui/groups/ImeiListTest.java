package nl.fotadesk.ui.groups;

import nl.fotadesk.protocol.Imei;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pasted IMEI lists: separators, duplicates, headers, and bad entries reported with their line. */
class ImeiListTest {
    static final String A = Imei.withCheckDigit("35693803564380");
    static final String B = Imei.withCheckDigit("35693803564381");
    static final String C = Imei.withCheckDigit("86720604000001");

    @Test
    void readsOnePerLineOrSeparatedByCommasSemicolonsAndSpaces() {
        ImeiList.Result r = ImeiList.parse("imei\n" + A + "\r\n" + B + ", " + C + ";\t\"" + A + "\"\n\n");
        assertThat(r.imeis()).containsExactly(A, B, C);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.valid()).isTrue();
    }

    @Test
    void reportsEachBadEntryWithItsLine() {
        String typo = A.substring(0, 14) + (A.charAt(14) == '9' ? '0' : (char) (A.charAt(14) + 1));
        ImeiList.Result r = ImeiList.parse(A + "\n12345\n" + B + ",35693803564381x\n" + typo);
        assertThat(r.imeis()).containsExactly(A, B);
        assertThat(r.problems()).containsExactly(
                new ImeiList.Problem(2, "12345", "groups.imei.length", "5"),
                new ImeiList.Problem(3, "35693803564381x", "groups.imei.notDigits", "x"),
                new ImeiList.Problem(4, typo, "groups.imei.checkDigit", String.valueOf(A.charAt(14))));
        assertThat(r.valid()).isFalse();
    }

    @Test
    void emptyTextIsAnEmptyList() {
        assertThat(ImeiList.parse("  \n ,, \n").imeis()).isEmpty();
        assertThat(ImeiList.parse(null).problems()).isEmpty();
    }
}
