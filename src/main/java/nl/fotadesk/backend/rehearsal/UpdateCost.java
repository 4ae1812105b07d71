package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.device.Device;

/**
 * One device's update over one bearer when nothing goes wrong, as the device library does it
 * (docs/protocol.md §4): the uplink that picks the download up and its downlink; then the parts in order,
 * an uplink at every further 10 %, {@code downloaded} and {@code updating}; at last the result uplink.
 * A connection carries at most 100 requests. Bytes are HTTP (payload apart) and TCP/IP; times in ms.
 *
 * @param payload        the image's bytes
 * @param pickupHttp     the pickup uplink and its downlink
 * @param restHttp       everything after the pickup but the payload: part headers and the later uplinks
 * @param downloadMillis from the pickup's answer to the end of the {@code updating} uplink
 * @param resultMillis   the result uplink
 * @param partHttp       one part's HTTP headers, the mean over the parts (a retried part costs them again)
 * @param partTcp        one part's TCP/IP headers, the mean
 * @param partMillis     one part's exchange time, the mean
 * @param corruptChance  the chance that a part (the mean size) arrives corrupt
 */
record UpdateCost(int partSize, int parts, long payload, long pickupHttp, long pickupTcp, double pickupMillis,
                  long restHttp, long restTcp, double downloadMillis, double resultMillis, long partHttp, long partTcp,
                  double partMillis, double corruptChance) {

    /** The device's part size for an image: its own, raised to ceil(size / 19,999) (docs/protocol.md §3.5). */
    static int partSizeFor(long size, int configured) {
        return (int) Math.max(configured, (size + Device.MAX_PARTS - 1) / Device.MAX_PARTS);
    }

    static UpdateCost of(long size, int configuredPartSize, Bearer bearer) {
        int partSize = partSizeFor(size, configuredPartSize);
        int parts = (int) Math.max(1, (size + partSize - 1) / partSize);
        long partsHttp = 0;
        long partsTcp = 0;
        double partsMillis = 0;
        int progressUplinks = 0;
        int reportedDecile = 0;
        for (int k = 0; k < parts; k++) {
            long first = (long) k * partSize;
            long last = Math.min(first + partSize - 1, size - 1);
            long body = last - first + 1;
            long request = WireBytes.PART_REQUEST + WireBytes.digits(first) + WireBytes.digits(first + partSize - 1);
            long answer = WireBytes.PART_ANSWER + WireBytes.digits(first) + WireBytes.digits(last)
                    + WireBytes.digits(size) + WireBytes.digits(body) + body;
            long tcp = WireBytes.tcpOfExchange(request, answer);
            partsHttp += request + answer - body;
            partsTcp += tcp;
            partsMillis += bearer.exchangeMillis(request + answer + tcp);
            int decile = (int) ((last + 1) * 100 / size) / 10;
            if (last + 1 < size && decile > reportedDecile) {
                reportedDecile = decile;
                progressUplinks++;
            }
        }
        long reportHttp = WireBytes.UPLINK_REPORT + WireBytes.ANSWER_WITH_DOWNLINK;
        long reportTcp = WireBytes.tcpOfExchange(WireBytes.UPLINK_REPORT, WireBytes.ANSWER_WITH_DOWNLINK);
        int reports = progressUplinks + 2; // the progress uplinks, downloaded, updating
        long resultHttp = WireBytes.UPLINK_REPORT + WireBytes.ANSWER_NO_CONTENT;
        long resultTcp = WireBytes.tcpOfExchange(WireBytes.UPLINK_REPORT, WireBytes.ANSWER_NO_CONTENT);
        long pickupHttp = WireBytes.UPLINK_IDLE + WireBytes.ANSWER_WITH_DOWNLINK;
        long pickupTcp = WireBytes.tcpOfExchange(WireBytes.UPLINK_IDLE, WireBytes.ANSWER_WITH_DOWNLINK)
                + WireBytes.CONNECTION_BYTES;
        int requests = 1 + parts + reports + 1;
        int moreConnections = (requests + WireBytes.REQUESTS_PER_CONNECTION - 1) / WireBytes.REQUESTS_PER_CONNECTION - 1;
        double rtt = bearer.rtt.toNanos() / 1e6;
        double downloadMillis = partsMillis + reports * bearer.exchangeMillis(reportHttp + reportTcp)
                + moreConnections * bearer.exchangeMillis(WireBytes.CONNECTION_BYTES);
        long restTcp = partsTcp + reports * reportTcp + resultTcp + (long) moreConnections * WireBytes.CONNECTION_BYTES;
        long restHttp = partsHttp + reports * reportHttp + resultHttp;
        return new UpdateCost(partSize, parts, size, pickupHttp, pickupTcp,
                rtt + bearer.exchangeMillis(pickupHttp + pickupTcp), restHttp, restTcp, downloadMillis,
                bearer.exchangeMillis(resultHttp + resultTcp), partsHttp / parts, partsTcp / parts, partsMillis / parts,
                bearer.corruptChance(Math.min(size, partSize)));
    }

    /** One part's payload, the mean over the parts. */
    long partPayload() {
        return payload / parts;
    }

    /** Every byte of an update without faults. */
    long totalBytes() {
        return payload + pickupHttp + pickupTcp + restHttp + restTcp;
    }

    /** The HTTP bytes of the whole update, payload included (what a socket sees above TCP). */
    long httpBytes() {
        return payload + pickupHttp + restHttp;
    }
}
