package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.FirmwareVersions;
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
                .thenComparing((a, b) -> FirmwareVersions.compare(b.version(), a.version()))).toList(),
                clients.stream().sorted(Comparator.comparing(CatalogEntry::name)).toList(),
                deviceTypes.stream().sorted(Comparator.comparing(CatalogEntry::name)).toList(),
                groups.stream().sorted(Comparator.comparing(GroupView::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }
}
