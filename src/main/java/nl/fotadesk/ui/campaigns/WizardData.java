package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupView;

import java.util.Comparator;
import java.util.List;

/** What the wizard offers to choose from, loaded once when it opens. */
record WizardData(List<FirmwareView> firmware, List<CatalogEntry> clients, List<CatalogEntry> deviceTypes,
                  List<GroupView> groups) {

    /** Firmware by device type, newest version first; the rest by name. */
    WizardData sorted() {
        return new WizardData(firmware.stream().sorted(Comparator.comparing(FirmwareView::deviceType)
                .thenComparing((a, b) -> compareVersions(b.version(), a.version()))).toList(),
                clients.stream().sorted(Comparator.comparing(CatalogEntry::name)).toList(),
                deviceTypes.stream().sorted(Comparator.comparing(CatalogEntry::name)).toList(),
                groups.stream().sorted(Comparator.comparing(GroupView::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }

    /** Versions compared by their numeric parts ("1.10.0" after "1.9.2"), then as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-+_]");
        String[] y = b.split("[.\\-+_]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d{1,9}");
            boolean yn = y[i].matches("\\d{1,9}");
            int c = xn && yn ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
