package nl.fotadesk.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed and validated SenML pack (RFC 8428, JSON), its records resolved against their base fields. */
public final class SenmlPack {
    private static final String ROOT_ERROR = "root must be a non-empty array of records";

    private final String firstBaseName;
    private final List<SenmlRecord> records;

    private SenmlPack(String firstBaseName, List<SenmlRecord> records) {
        this.firstBaseName = firstBaseName;
        this.records = Collections.unmodifiableList(records);
    }

    /**
     * Parses and validates a pack.
     *
     * @param nowEpochSeconds the time that relative record times (below 2^28) count from
     * @throws SenmlException naming the record (1-based) and the rule it breaks
     */
    public static SenmlPack parse(byte[] json, double nowEpochSeconds) {
        if (json == null) {
            throw new SenmlException(ROOT_ERROR);
        }
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            return new Reader(parser, nowEpochSeconds).read();
        } catch (JsonProcessingException e) {
            throw new SenmlException("not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            // Reading a byte array fails only through the parser's own exceptions above.
            throw new SenmlException("not valid JSON: " + e.getMessage());
        }
    }

    /** The first record's {@code bn} as sent (JSON escapes decoded), or null when it has none. */
    public String firstBaseName() {
        return firstBaseName;
    }

    /** The resolved records, in the order sent, without records of base fields only; unmodifiable. */
    public List<SenmlRecord> records() {
        return records;
    }

    /** The last record with this resolved name: a later record overrides an earlier one. */
    public Optional<SenmlRecord> find(String resolvedName) {
        for (int i = records.size() - 1; i >= 0; i--) {
            SenmlRecord r = records.get(i);
            if (r.name().equals(resolvedName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The last record named {@code name} under the device's base name (the first record's {@code bn}). */
    public Optional<SenmlRecord> findField(String name) {
        return find(firstBaseName == null ? name : firstBaseName + name);
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private enum Kind { NUMBER, STRING, BOOLEAN }

    /** The labels RFC 8428 defines for JSON; the ordinal is the field's bit in a record's seen-mask. */
    private enum Field {
        BN("bn", Kind.STRING), BT("bt", Kind.NUMBER), BU("bu", Kind.STRING), BV("bv", Kind.NUMBER),
        BS("bs", Kind.NUMBER), BVER("bver", Kind.NUMBER), N("n", Kind.STRING), U("u", Kind.STRING),
        V("v", Kind.NUMBER), VS("vs", Kind.STRING), VB("vb", Kind.BOOLEAN), VD("vd", Kind.STRING),
        S("s", Kind.NUMBER), T("t", Kind.NUMBER), UT("ut", Kind.NUMBER);

        private static final Map<String, Field> BY_LABEL = new HashMap<>();

        static {
            for (Field f : values()) {
                BY_LABEL.put(f.label, f);
            }
        }

        final String label;
        final Kind kind;
        final int bit = 1 << ordinal();

        Field(String label, Kind kind) {
            this.label = label;
            this.kind = kind;
        }
    }

    /** Reads one pack; holds the base fields that carry over from record to record. */
    private static final class Reader {
        /** RFC 8428 §4.5.3: times below 2^28 seconds are relative to now. */
        private static final double RELATIVE_TIME_LIMIT = 0x1p28;
        private static final int MAX_BVER = 10;
        private static final int VALUE_FIELDS = Field.V.bit | Field.VS.bit | Field.VB.bit | Field.VD.bit;
        private static final int BASE_FIELDS = Field.BN.bit | Field.BT.bit | Field.BU.bit | Field.BV.bit
                | Field.BS.bit | Field.BVER.bit;
        private static final String[] COUNT_WORDS = {"no", "one", "two", "three", "four"};
        /** RFC 8428 §4.5.1: names use only these characters. */
        private static final boolean[] NAME_CHAR = new boolean[128];

        static {
            for (char c = '0'; c <= '9'; c++) {
                NAME_CHAR[c] = true;
            }
            for (char c = 'A'; c <= 'Z'; c++) {
                NAME_CHAR[c] = true;
                NAME_CHAR[Character.toLowerCase(c)] = true;
            }
            for (char c : "-:./_".toCharArray()) {
                NAME_CHAR[c] = true;
            }
        }

        private final JsonParser parser;
        private final double now;

        // Base fields in force; they carry over until a record replaces them.
        private String baseName = "";
        private double baseTime;
        private String baseUnit;
        private double baseValue;
        private double baseSum;
        private double bver;
        private int bverRecord;

        // The current record's fields, valid where its bit is set in seen.
        private int seen;
        private final double[] numbers = new double[Field.values().length];
        private final String[] strings = new String[Field.values().length];
        private boolean booleanValue;

        Reader(JsonParser parser, double now) {
            this.parser = parser;
            this.now = now;
        }

        SenmlPack read() throws IOException {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new SenmlException(ROOT_ERROR);
            }
            List<SenmlRecord> records = new ArrayList<>();
            String firstBaseName = null;
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                index++;
                if (token != JsonToken.START_OBJECT) {
                    throw new SenmlException("record " + index + ": not a JSON object");
                }
                readFields(index);
                if (index == 1 && has(Field.BN)) {
                    firstBaseName = string(Field.BN);
                }
                SenmlRecord record = resolve(index);
                if (record != null) {
                    records.add(record);
                }
            }
            if (index == 0) {
                throw new SenmlException(ROOT_ERROR);
            }
            if (parser.nextToken() != null) {
                throw new SenmlException("trailing data after the array");
            }
            return new SenmlPack(firstBaseName, records);
        }

        /** Reads one record's fields, checking their types and that none is repeated. */
        private void readFields(int index) throws IOException {
            seen = 0;
            Set<String> unknownSeen = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String label = parser.currentName();
                JsonToken token = parser.nextToken();
                Field field = Field.BY_LABEL.get(label);
                if (field == null) {
                    if (label.endsWith("_")) {
                        throw new SenmlException("record " + index + ": unknown mandatory field " + Messages.quote(label));
                    }
                    if (unknownSeen == null) {
                        unknownSeen = new HashSet<>();
                    }
                    if (!unknownSeen.add(label)) {
                        throw duplicate(index, label);
                    }
                    parser.skipChildren();
                    continue;
                }
                if ((seen & field.bit) != 0) {
                    throw duplicate(index, label);
                }
                seen |= field.bit;
                switch (field.kind) {
                    case NUMBER -> {
                        if (!token.isNumeric()) {
                            throw wrongType(index, field, "a number");
                        }
                        double d = parser.getDoubleValue();
                        if (!Double.isFinite(d)) {
                            throw new SenmlException("record " + index + ": \"" + label + "\" is not a finite number");
                        }
                        numbers[field.ordinal()] = d;
                    }
                    case STRING -> {
                        if (token != JsonToken.VALUE_STRING) {
                            throw wrongType(index, field, "a string");
                        }
                        strings[field.ordinal()] = parser.getText();
                    }
                    case BOOLEAN -> {
                        if (!token.isBoolean()) {
                            throw wrongType(index, field, "true or false");
                        }
                        booleanValue = token == JsonToken.VALUE_TRUE;
                    }
                }
            }
        }

        /**
         * Applies the record's base fields, then resolves it against the base fields in force; null
         * for a record of base fields only, which measures nothing (the vendor's packs start with one).
         */
        private SenmlRecord resolve(int index) {
            if (has(Field.BN)) {
                baseName = string(Field.BN);
            }
            if (has(Field.BT)) {
                baseTime = number(Field.BT);
            }
            if (has(Field.BU)) {
                baseUnit = string(Field.BU);
            }
            if (has(Field.BV)) {
                baseValue = number(Field.BV);
            }
            if (has(Field.BS)) {
                baseSum = number(Field.BS);
            }
            if (has(Field.BVER)) {
                checkVersion(index, number(Field.BVER));
            }

            if (seen != 0 && (seen & ~BASE_FIELDS) == 0) {
                return null;
            }
            int values = Integer.bitCount(seen & VALUE_FIELDS);
            if (values > 1) {
                throw new SenmlException("record " + index + ": " + COUNT_WORDS[values] + " value fields");
            }
            if (values == 0 && !has(Field.S)) {
                throw new SenmlException("record " + index + ": no value field");
            }

            String name = has(Field.N) ? baseName + string(Field.N) : baseName;
            checkName(index, name);

            double time = baseTime + (has(Field.T) ? number(Field.T) : 0);
            if (time < RELATIVE_TIME_LIMIT) {
                time += now;
            }
            Double value = has(Field.V) ? finite(index, "v", baseValue + number(Field.V)) : null;
            Double sum = has(Field.S) ? finite(index, "s", baseSum + number(Field.S)) : null;
            String unit = has(Field.U) ? string(Field.U) : baseUnit;
            return new SenmlRecord(name, finite(index, "t", time), unit, value,
                    has(Field.VS) ? string(Field.VS) : null,
                    has(Field.VB) ? booleanValue : null,
                    has(Field.VD) ? string(Field.VD) : null,
                    sum);
        }

        /** RFC 8428: bver is a positive integer, at most the version we understand, the same throughout. */
        private void checkVersion(int index, double version) {
            if (version < 1 || version != Math.rint(version)) {
                throw new SenmlException("record " + index + ": bver " + Messages.number(version)
                        + " must be a positive whole number");
            }
            if (version > MAX_BVER) {
                throw new SenmlException("record " + index + ": bver " + Messages.number(version)
                        + " is above " + MAX_BVER);
            }
            if (bverRecord == 0) {
                bver = version;
                bverRecord = index;
            } else if (version != bver) {
                throw new SenmlException("record " + index + ": bver " + Messages.number(version) + " differs from "
                        + Messages.number(bver) + " in record " + bverRecord);
            }
        }

        private static void checkName(int index, String name) {
            if (name.isEmpty()) {
                throw new SenmlException("record " + index + ": name is empty");
            }
            char first = name.charAt(0);
            if (!(first >= '0' && first <= '9' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
                throw new SenmlException("record " + index + ": name " + Messages.quote(name)
                        + " must start with a letter or digit");
            }
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 128 || !NAME_CHAR[c]) {
                    throw new SenmlException("record " + index + ": name " + Messages.quote(name)
                            + " may only use A-Z a-z 0-9 - : . / _, has " + Messages.quote(String.valueOf(c))
                            + " at position " + (i + 1));
                }
            }
        }

        /** A sum of finite numbers can still overflow. */
        private static double finite(int index, String label, double d) {
            if (!Double.isFinite(d)) {
                throw new SenmlException("record " + index + ": \"" + label + "\" with its base field is not a finite number");
            }
            return d;
        }

        private boolean has(Field field) {
            return (seen & field.bit) != 0;
        }

        private double number(Field field) {
            return numbers[field.ordinal()];
        }

        private String string(Field field) {
            return strings[field.ordinal()];
        }

        private static SenmlException duplicate(int index, String label) {
            return new SenmlException("record " + index + ": duplicate field " + Messages.quote(label));
        }

        private static SenmlException wrongType(int index, Field field, String expected) {
            return new SenmlException("record " + index + ": \"" + field.label + "\" must be " + expected);
        }
    }
}
