package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.Imei;

import java.util.List;

/**
 * What is right or wrong with an IMEI as the operator types it, as an i18n key and its arguments.
 * Spaces and dashes, as in IMEIs copied from labels, are ignored.
 */
record ImeiCheck(Verdict verdict, String imei, String key, List<Object> args) {
    static final int LENGTH = 15;

    enum Verdict { EMPTY, INCOMPLETE, NOT_A_DIGIT, TOO_LONG, WRONG_CHECK_DIGIT, VALID }

    static ImeiCheck of(String typed) {
        String text = typed == null ? "" : typed;
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return new ImeiCheck(Verdict.NOT_A_DIGIT, null, "devices.imei.notDigit",
                        List.of(String.valueOf(c), i + 1));
            }
            digits.append(c);
        }
        String imei = digits.toString();
        if (imei.isEmpty()) {
            return new ImeiCheck(Verdict.EMPTY, null, "devices.imei.empty", List.of());
        }
        if (imei.length() > LENGTH) {
            return new ImeiCheck(Verdict.TOO_LONG, null, "devices.imei.tooLong", List.of(imei.length()));
        }
        if (imei.length() == LENGTH - 1) {
            return new ImeiCheck(Verdict.INCOMPLETE, null, "devices.imei.almost",
                    List.of(String.valueOf(Imei.checkDigit(imei))));
        }
        if (imei.length() < LENGTH) {
            return new ImeiCheck(Verdict.INCOMPLETE, null, "devices.imei.incomplete", List.of(imei.length()));
        }
        if (!Imei.isValid(imei)) {
            return new ImeiCheck(Verdict.WRONG_CHECK_DIGIT, null, "devices.imei.checkDigit",
                    List.of(String.valueOf(Imei.checkDigit(imei.substring(0, LENGTH - 1))),
                            String.valueOf(imei.charAt(LENGTH - 1))));
        }
        return new ImeiCheck(Verdict.VALID, imei, "devices.imei.valid", List.of());
    }

    boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /** True when more typing cannot make it right: the operator has to correct something. */
    boolean isError() {
        return verdict == Verdict.NOT_A_DIGIT || verdict == Verdict.TOO_LONG || verdict == Verdict.WRONG_CHECK_DIGIT;
    }

    Object[] arguments() {
        return args.toArray();
    }
}
