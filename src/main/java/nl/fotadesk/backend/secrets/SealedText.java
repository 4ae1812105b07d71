package nl.fotadesk.backend.secrets;

/**
 * A secret as the database holds it, opened only when asked: reading a page of devices decrypts none
 * of their secrets, an uplink decrypts one.
 *
 * @param stored  the stored value (sealed), or null when there is none
 * @param context where it is stored, the associated data it was sealed with
 */
public record SealedText(SecretBox box, String stored, String context) {
    /** @throws SealedValueException when the value is not sealed or does not open with the master key */
    public String open() {
        return stored == null ? null : box.open(stored, context);
    }
}
