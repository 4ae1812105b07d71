package nl.fotadesk.ui.devices;

import nl.fotadesk.client.ConflictException;
import nl.fotadesk.client.ConnectionException;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.UnauthorizedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Sets one desired firmware for several devices, named by IMEI, one request each: a device that a
 * campaign holds keeps its firmware (the campaign decides it), one the server refuses for another
 * reason is listed with that reason; the others go on. Losing the server stops it: the devices not
 * done yet are listed as not done.
 */
final class DesiredForMany {
    /** What happened to each device. */
    record Outcome(List<String> set, List<String> inCampaign, Map<String, String> refused, List<String> notDone) {
        int total() {
            return set.size() + inCampaign.size() + refused.size() + notDone.size();
        }
    }

    private DesiredForMany() {
    }

    /**
     * Blocks: call off the FX thread.
     * @param explain a refusal in words for the operator
     * @param done    told how many devices are done so far
     */
    static Outcome apply(FotaDeskClient client, List<String> imeis, String firmwareId,
                         Function<Exception, String> explain, IntConsumer done) {
        List<String> set = new ArrayList<>();
        List<String> inCampaign = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < imeis.size(); i++) {
            String imei = imeis.get(i);
            try {
                client.setDesiredFirmware(imei, firmwareId);
                set.add(imei);
            } catch (ConflictException e) {
                if ("device_in_campaign".equals(e.error())) {
                    inCampaign.add(imei);
                } else {
                    refused.put(imei, explain.apply(e));
                }
            } catch (ConnectionException | UnauthorizedException e) {
                return new Outcome(set, inCampaign, refused, List.copyOf(imeis.subList(i, imeis.size())));
            } catch (RuntimeException e) {
                refused.put(imei, explain.apply(e));
            }
            done.accept(i + 1);
        }
        return new Outcome(set, inCampaign, refused, List.of());
    }
}
