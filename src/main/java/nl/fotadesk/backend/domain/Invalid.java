package nl.fotadesk.backend.domain;

/** The request breaks a rule on its input: a value out of range, a name that does not fit, an unknown reference. */
public final class Invalid extends DomainError {
    public Invalid(String code, String detail) {
        super(code, detail);
    }

    /**
     * An {@code invalid_<field>}, the field's last path segment in snake case:
     * {@code target.deviceType} → {@code invalid_device_type}.
     */
    public static Invalid field(String field, String detail) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
        return new Invalid("invalid_" + last.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(), detail);
    }
}
