package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Registration of one device; {@code secret} may be absent, the backend then generates one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewDevice(String imei, String deviceType, String client, String secret, String firmware) {
}
