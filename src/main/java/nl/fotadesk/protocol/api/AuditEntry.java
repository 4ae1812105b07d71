package nl.fotadesk.protocol.api;

/**
 * One line of the audit trail: who ({@code actor}, with the {@code role} they had then) did what
 * ({@code action}, e.g. {@code device.desired.set}) to which {@code object}, from which {@code source}
 * address, and whether it was done ({@code outcome}: {@code ok} or {@code refused}).
 */
public record AuditEntry(String time, String actor, Role role, String action, String object, String detail,
                         String source, String outcome) {
    public static final String OK = "ok";
    public static final String REFUSED = "refused";
}
