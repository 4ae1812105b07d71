package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A campaign to create (or preview). Defaults: one phase of 100 %, success threshold 100 %, error
 * threshold 10 %, device timeout 3600 s, 1 retry, not scheduled, extension records in downlinks.
 * {@code scheduledAt} is ISO-8601; with {@code start} true the campaign starts (or is scheduled) at once.
 * An optional maintenance {@code window} limits when phases start and devices are given downloads.
 * {@code forecastToken}, from the rehearsal of this campaign, keeps that forecast with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCampaign(String name, String firmwareId, CampaignTarget target, List<PhaseSpec> phases,
                          Integer successThreshold, Integer errorThreshold, Long deviceTimeoutSeconds,
                          Integer maxRetries, String scheduledAt, Boolean vendorStrict, Boolean start,
                          CampaignWindow window, String forecastToken) {
    @JsonCreator
    public NewCampaign {
    }

    /** A campaign not rehearsed (or whose forecast is not kept). */
    public NewCampaign(String name, String firmwareId, CampaignTarget target, List<PhaseSpec> phases,
                       Integer successThreshold, Integer errorThreshold, Long deviceTimeoutSeconds,
                       Integer maxRetries, String scheduledAt, Boolean vendorStrict, Boolean start,
                       CampaignWindow window) {
        this(name, firmwareId, target, phases, successThreshold, errorThreshold, deviceTimeoutSeconds, maxRetries,
                scheduledAt, vendorStrict, start, window, null);
    }

    /** This campaign with the token of its rehearsal's forecast. */
    public NewCampaign withForecastToken(String token) {
        return new NewCampaign(name, firmwareId, target, phases, successThreshold, errorThreshold, deviceTimeoutSeconds,
                maxRetries, scheduledAt, vendorStrict, start, window, token);
    }

    /** A campaign without a maintenance window. */
    public NewCampaign(String name, String firmwareId, CampaignTarget target, List<PhaseSpec> phases,
                       Integer successThreshold, Integer errorThreshold, Long deviceTimeoutSeconds,
                       Integer maxRetries, String scheduledAt, Boolean vendorStrict, Boolean start) {
        this(name, firmwareId, target, phases, successThreshold, errorThreshold, deviceTimeoutSeconds, maxRetries,
                scheduledAt, vendorStrict, start, null);
    }
}
