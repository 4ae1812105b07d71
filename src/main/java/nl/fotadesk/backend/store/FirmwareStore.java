package nl.fotadesk.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class FirmwareStore {
    private static final String COLUMNS = "id, device_type, version, size, sha256, crc32, uploaded_at";
    private final Jdbc jdbc;

    public FirmwareStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws StoreException with {@link StoreException#isDuplicateKey()} when type and version exist */
    public void insert(FirmwareRow f) {
        jdbc.update("INSERT INTO firmware (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                f.id(), f.deviceType(), f.version(), f.size(), f.sha256(), f.crc32(), f.uploadedAt());
    }

    public Optional<FirmwareRow> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM firmware WHERE id = ?", FirmwareStore::map, id);
    }

    public boolean exists(String deviceType, String version) {
        return jdbc.count("SELECT COUNT(*) FROM firmware WHERE device_type = ? AND version = ?", deviceType, version) > 0;
    }

    /** By device type, in the order of its characters (an ORDER BY would follow the database's collation), then age. */
    public List<FirmwareRow> list() {
        List<FirmwareRow> images = jdbc.list("SELECT " + COLUMNS + " FROM firmware", FirmwareStore::map);
        images.sort(java.util.Comparator.comparing(FirmwareRow::deviceType).thenComparing(FirmwareRow::uploadedAt));
        return images;
    }

    /** How many devices want this image as their desired firmware. */
    public long desiredBy(String id) {
        return jdbc.count("SELECT COUNT(*) FROM devices WHERE desired_firmware_id = ?", id);
    }

    public long activeDownloads(String id) {
        return jdbc.count("SELECT COUNT(*) FROM downloads WHERE firmware_id = ? AND active = TRUE", id);
    }

    /** Deletes the image's record and its finished downloads; true when no other record shares the file. */
    public boolean delete(FirmwareRow f) {
        jdbc.update("DELETE FROM downloads WHERE firmware_id = ?", f.id());
        jdbc.update("DELETE FROM firmware WHERE id = ?", f.id());
        return jdbc.count("SELECT COUNT(*) FROM firmware WHERE sha256 = ?", f.sha256()) == 0;
    }

    private static FirmwareRow map(ResultSet rs) throws SQLException {
        return new FirmwareRow(rs.getString("id"), rs.getString("device_type"), rs.getString("version"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("crc32"), Jdbc.instant(rs, "uploaded_at"));
    }
}
