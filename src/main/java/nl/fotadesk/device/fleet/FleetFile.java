package nl.fotadesk.device.fleet;

import nl.fotadesk.device.DeviceIdentity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A fleet as a CSV file with the header {@code imei,secret,deviceType,client,firmware}. */
public final class FleetFile {
    static final String[] HEADER = {"imei", "secret", "deviceType", "client", "firmware"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private FleetFile() {
    }

    /** @throws IllegalArgumentException naming the line of a row that lacks a column */
    public static List<DeviceIdentity> read(Path file) throws IOException {
        List<DeviceIdentity> fleet = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : FORMAT.parse(in)) {
                if (r.size() < 4 || r.get("imei").isEmpty() || r.get("secret").isEmpty()) {
                    throw new IllegalArgumentException(file + " line " + r.getParser().getCurrentLineNumber()
                            + ": expected imei,secret,deviceType,client[,firmware]");
                }
                fleet.add(new DeviceIdentity(r.get("imei"), r.get("secret"), r.get("deviceType"), r.get("client"),
                        r.size() > 4 && !r.get("firmware").isEmpty() ? r.get("firmware") : null));
            }
        }
        return fleet;
    }

    public static void write(Path file, List<DeviceIdentity> fleet) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
            for (DeviceIdentity d : fleet) {
                printer.printRecord(d.imei(), d.secret(), d.deviceType(), d.client(), d.firmware());
            }
        }
    }
}
