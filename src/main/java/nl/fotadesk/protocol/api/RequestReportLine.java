package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One device in the outcome of an approved request: the version it ran when the request was approved,
 * the version it runs now, and its update's result (an action state, and the LwM2M result code the device reported).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestReportLine(String imei, String oldVersion, String newVersion, ActionState result,
                                Integer resultCode) {
}
