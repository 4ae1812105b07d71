package nl.fotadesk.protocol;

/** IMEIs: 15 decimal digits, the last a Luhn check digit over the first 14. */
public final class Imei {
    public static final int LENGTH = 15;

    private Imei() {
    }

    public static boolean isValid(String s) {
        return s != null && s.length() == LENGTH && allDigits(s) && luhn(s) == s.charAt(LENGTH - 1) - '0';
    }

    /** Returns {@code s} when it is a valid IMEI, else throws with what is wrong with it. */
    public static String requireValid(String s) {
        if (s == null) {
            throw new InvalidImeiException("IMEI is missing");
        }
        if (s.length() != LENGTH) {
            throw new InvalidImeiException("IMEI must be 15 digits, got " + s.length());
        }
        int bad = firstNonDigit(s);
        if (bad >= 0) {
            throw new InvalidImeiException("IMEI " + Messages.quote(s) + " must be 15 digits, has "
                    + Messages.quote(String.valueOf(s.charAt(bad))) + " at position " + (bad + 1));
        }
        int expected = luhn(s);
        int actual = s.charAt(LENGTH - 1) - '0';
        if (actual != expected) {
            throw new InvalidImeiException("IMEI " + s + " has check digit " + actual + ", expected " + expected);
        }
        return s;
    }

    /** The check digit for the first 14 digits of an IMEI. */
    public static int checkDigit(String first14Digits) {
        if (first14Digits == null || first14Digits.length() != LENGTH - 1 || !allDigits(first14Digits)) {
            throw new InvalidImeiException("the check digit needs exactly 14 digits, got "
                    + (first14Digits == null ? "nothing" : Messages.quote(first14Digits)));
        }
        return luhn(first14Digits);
    }

    /** The 14 digits followed by their check digit: a valid IMEI. */
    public static String withCheckDigit(String first14Digits) {
        return first14Digits + checkDigit(first14Digits);
    }

    /**
     * Luhn over the first 14 characters (all digits): every second digit from the left, starting
     * with the second, is doubled, and a doubled digit above 9 counts as its digit sum.
     */
    private static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean allDigits(String s) {
        return firstNonDigit(s) < 0;
    }

    private static int firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }
}
