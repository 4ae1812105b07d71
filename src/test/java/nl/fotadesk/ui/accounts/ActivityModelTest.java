package nl.fotadesk.ui.accounts;

import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.CsvWriter;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Activity screen's state without a screen: filter, pages, CSV export. */
class ActivityModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private ActivityModel model;

    @BeforeEach
    void serverWithATrail() {
        IntStream.range(0, 120).forEach(i -> server.audit.add(new AuditEntry("2026-01-02T03:04:05Z",
                i % 2 == 0 ? "olga" : "stan", i % 2 == 0 ? Role.OPERATOR : Role.SUPPLIER,
                i % 3 == 0 ? "device.desired.set" : "firmware.upload", i % 3 == 0 ? "device/35693803000000" + i
                        : "firmware/f" + i, i == 0 ? "=1+2, \"quoted\"" : null, "127.0.0.1", AuditEntry.OK)));
        model = new ActivityModel(FakeFotaDeskClient.context(server), ZoneId.of("Europe/Amsterdam"));
        model.load();
    }

    @Test
    void pagesThroughTheTrail() {
        assertThat(model.entries).hasSize(ActivityModel.PAGE);
        assertThat(model.range()).isEqualTo("1\u201350 of 120");
        model.next();
        model.next();
        assertThat(model.entries).hasSize(20);
        assertThat(model.range()).isEqualTo("101\u2013120 of 120");
        model.next();
        assertThat(model.offset.get()).as("no page after the last").isEqualTo(100);
        model.previous();
        assertThat(model.offset.get()).isEqualTo(50);
    }

    @Test
    void filtersByActorActionObjectAndWholeDaysInTheUsersZone() {
        model.next();
        model.actor.set(" stan ");
        model.action.set("device.desired.set");
        model.object.set("device/");
        model.from.set(LocalDate.of(2026, 1, 2));
        model.to.set(LocalDate.of(2026, 1, 2));
        model.apply();
        assertThat(model.offset.get()).as("back to the first page").isZero();
        assertThat(server.lastAuditQuery.actor()).isEqualTo("stan");
        assertThat(server.lastAuditQuery.since()).isEqualTo(Instant.parse("2026-01-01T23:00:00Z"));
        assertThat(server.lastAuditQuery.until()).as("the last day whole").isEqualTo(Instant.parse("2026-01-02T23:00:00Z"));
        assertThat(model.entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("stan");
            assertThat(e.action()).isEqualTo("device.desired.set");
        });
        assertThat(model.total.get()).isEqualTo(20);

        model.clear();
        assertThat(model.total.get()).isEqualTo(120);
        assertThat(server.lastAuditQuery.actor()).isNull();
    }

    @Test
    void exportsEveryLineTheFilterSelects(@TempDir Path folder) throws Exception {
        model.actor.set("olga");
        model.apply();
        Path file = folder.resolve("activity.csv");
        model.export(file);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith(CsvWriter.BOM + "time,actor,role,action,object,detail,source,outcome\r\n");
        assertThat(csv.lines()).hasSize(61).as("all pages, not only the one shown");
        assertThat(csv).contains("olga,operator,device.desired.set,device/356938030000000,\"'=1+2, \"\"quoted\"\"\"");
        assertThat(model.exportMessage.get()).isEqualTo("60 lines written to activity.csv.");
    }
}
