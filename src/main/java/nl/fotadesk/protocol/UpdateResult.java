package nl.fotadesk.protocol;

/** LwM2M object 5 "Update Result" codes, as devices report them in {@code fotaResult}. */
public enum UpdateResult {
    INITIAL(0), SUCCESS(1), NOT_ENOUGH_FLASH(2), OUT_OF_RAM(3), CONNECTION_LOST(4), INTEGRITY_FAILURE(5),
    UNSUPPORTED_PACKAGE(6), INVALID_URI(7), UPDATE_FAILED(8), UNSUPPORTED_PROTOCOL(9), CANCELLED(10), DEFERRED(11);

    public final int code;

    UpdateResult(int code) {
        this.code = code;
    }

    /** Whether a reported code says the update failed: 2 to 9 (the codes above are cancelled, deferred or vendor-specific). */
    public static boolean isFailure(int code) {
        return code >= NOT_ENOUGH_FLASH.code && code <= UNSUPPORTED_PROTOCOL.code;
    }
}
