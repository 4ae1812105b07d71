package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.campaign.RolloutRules.Budget;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceFacts;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceVerdict;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseCounts;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseVerdict;
import nl.fotadesk.backend.campaign.RolloutRules.Thresholds;
import nl.fotadesk.protocol.api.ActionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every boundary of the campaign rules, without a database or a clock. */
class RolloutRulesTest {

    @ParameterizedTest(name = "{0}: {1} devices, {2} ok, {3} failed, {4} cancelled, last {5}, error {6} %, success {7} % -> {9}")
    @CsvSource({
            // case,                                   total, ok, failed, cancelled, last, error%, success%, errorsIgnored, verdict
            "'error threshold: equal does not pause',     10,  0,  2,  0, false, 20,  80, false, RUNNING",
            "'error threshold: exceeding pauses',         10,  0,  3,  0, false, 20,  80, false, TOO_MANY_ERRORS",
            "'error threshold 0: one failure pauses',     10,  0,  1,  0, false,  0,  80, false, TOO_MANY_ERRORS",
            "'error threshold 0: none failed runs',       10,  5,  0,  0, false,  0,  80, false, RUNNING",
            "'error threshold 100 never pauses',          10,  0, 10,  0, true,  100, 0, false, DONE",
            "'errors ignored after resume',               10,  0,  9,  0, false, 20,  80, true,  RUNNING",
            "'errors ignored: all done below success',    10,  1,  9,  0, false, 20,  80, true,  DONE",
            "'error check comes before success',          10,  8,  2,  0, false, 10,  80, false, TOO_MANY_ERRORS",
            "'success threshold: one below runs on',      10,  7,  0,  0, false, 50,  80, false, RUNNING",
            "'success threshold: reaching it is enough',  10,  8,  0,  0, false, 50,  80, false, DONE",
            "'success threshold: above it is done',       10,  9,  0,  0, false, 50,  80, false, DONE",
            "'success reached: the last phase waits',     10,  8,  0,  0, true,  50,  80, false, RUNNING",
            "'last phase done when all are done',         10,  8,  2,  0, true,  50,  80, false, DONE",
            "'all done below success pauses',             10,  7,  3,  0, false, 50,  80, false, TOO_FEW_SUCCEEDED",
            "'all done below success pauses, last too',   10,  7,  3,  0, true,  50,  80, false, TOO_FEW_SUCCEEDED",
            "'cancelled devices count as done',           10,  8,  0,  2, true,  50,  80, false, DONE",
            "'cancelled do not count as succeeded',       10,  7,  0,  3, false, 50,  80, false, TOO_FEW_SUCCEEDED",
            "'success threshold 0: done at once',         10,  0,  0,  0, false, 50,   0, false, DONE",
            "'success threshold 0: last phase waits',     10,  0,  0,  0, true,  50,   0, false, RUNNING",
            "'success threshold 100 needs every device',  10,  9,  0,  0, false, 50, 100, false, RUNNING",
            "'empty phase is done',                        0,  0,  0,  0, false,  0, 100, false, DONE",
            "'empty last phase is done',                   0,  0,  0,  0, true,   0, 100, false, DONE",
            "'one device: its failure exceeds 99 %',       1,  0,  1,  0, false, 99, 100, false, TOO_MANY_ERRORS",
            "'large phase: no overflow',             2000000000, 0, 2000000000, 0, false, 100, 100, false, TOO_FEW_SUCCEEDED",
    })
    void decidesAPhase(String name, int total, int succeeded, int failed, int cancelled, boolean last, int errorPercent,
                       int successPercent, boolean errorsIgnored, PhaseVerdict expected) {
        assertThat(RolloutRules.decide(new PhaseCounts(total, succeeded, failed, cancelled), last,
                new Thresholds(errorPercent, successPercent, errorsIgnored))).as(name).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> complete {1}")
    @CsvSource({
            "'succeeded:3 failed:1 timed_out:1 cancelled:2', true",
            "'succeeded:3 downloading:1',                    false",
            "'waiting:5',                                    false",
            "'',                                             true",
    })
    void completesWhenEveryUpdateHasEnded(String counts, boolean complete) {
        Map<ActionState, Integer> map = new EnumMap<>(ActionState.class);
        for (String entry : counts.isBlank() ? new String[0] : counts.split(" ")) {
            String[] stateAndCount = entry.split(":");
            map.put(ActionState.fromWire(stateAndCount[0]), Integer.parseInt(stateAndCount[1]));
        }
        assertThat(RolloutRules.complete(map)).as(counts).isEqualTo(complete);
    }

    @ParameterizedTest(name = "{0}: {1}, moved {2}, {3} s without progress, attempt {4} of 1 + {6}, running {7} -> {8}")
    @CsvSource({
            // case,                                     seen,        moved, idle s, attempts, timeout s, maxRetries, running, verdict
            "'nothing moved',                             downloading, false,   0, 1, 60, 2, true,  UNCHANGED",
            "'progress is followed',                      downloading, true,    0, 1, 60, 2, true,  FOLLOW",
            "'succeeded is followed',                     succeeded,   true,    0, 1, 60, 2, true,  FOLLOW",
            "'timeout: one second before is not stuck',   downloading, false,  59, 1, 60, 2, true,  UNCHANGED",
            "'timeout: reaching it is stuck',             downloading, false,  60, 1, 60, 2, true,  RETRY_STUCK",
            "'timeout: pending devices time out too',     pending,     false,  60, 1, 60, 2, true,  RETRY_STUCK",
            "'timeout: done devices never time out',      succeeded,   false, 999, 1, 60, 2, true,  UNCHANGED",
            "'failure is retried',                        failed,      true,    0, 1, 60, 2, true,  RETRY_FAILED",
            "'retries: the last retry is given',          failed,      true,    0, 2, 60, 2, true,  RETRY_FAILED",
            "'retries: none left fails',                  failed,      true,    0, 3, 60, 2, true,  FAILED",
            "'retries: none left times out',              downloading, false,  60, 3, 60, 2, true,  TIMED_OUT",
            "'retries: 0 allowed fails at once',          failed,      true,    0, 1, 60, 0, true,  FAILED",
            "'retries: 0 allowed times out at once',      downloading, false,  60, 1, 60, 0, true,  TIMED_OUT",
            "'pause: a failure waits for the run',        failed,      true,    0, 1, 60, 2, false, WAIT_FOR_RUN",
            "'pause: a stuck device waits for the run',   downloading, false,  60, 1, 60, 2, false, WAIT_FOR_RUN",
            "'pause: without retries it fails anyway',    failed,      true,    0, 3, 60, 2, false, FAILED",
            "'pause: without retries it times out',       downloading, false,  60, 3, 60, 2, false, TIMED_OUT",
            "'pause: progress is still followed',         downloading, true,    0, 1, 60, 2, false, FOLLOW",
    })
    void decidesADevice(String name, String seen, boolean moved, long idleSeconds, int attempts, long timeoutSeconds,
                        int maxRetries, boolean running, DeviceVerdict expected) {
        DeviceFacts facts = new DeviceFacts(ActionState.fromWire(seen), moved, Duration.ofSeconds(idleSeconds), attempts);
        assertThat(RolloutRules.decide(facts, new Budget(Duration.ofSeconds(timeoutSeconds), maxRetries), running))
                .as(name).isEqualTo(expected);
    }
}
