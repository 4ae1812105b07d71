package nl.fotadesk.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Firmware records, and the images they describe: one row per distinct SHA-256, its bytes in chunks. */
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
        return desiredBy(id, DeviceFilter.ALL);
    }

    /** How many of the devices {@code within} admits want this image as their desired firmware. */
    public long desiredBy(String id, DeviceFilter within) {
        List<Object> params = new ArrayList<>(List.of(id));
        List<String> terms = within.terms(params);
        return jdbc.count("SELECT COUNT(*) FROM devices d WHERE d.desired_firmware_id = ?"
                + (terms.isEmpty() ? "" : " AND " + String.join(" AND ", terms)), params.toArray());
    }

    public long activeDownloads(String id) {
        return jdbc.count("SELECT COUNT(*) FROM downloads WHERE firmware_id = ? AND active = TRUE", id);
    }

    /**
     * Deletes the record and its finished downloads, and the stored image when nothing else holds
     * it; true when the image is gone. Call it in a transaction.
     */
    public boolean delete(FirmwareRow f) {
        jdbc.update("DELETE FROM downloads WHERE firmware_id = ?", f.id());
        jdbc.update("DELETE FROM firmware WHERE id = ?", f.id());
        return deleteImageIfUnused(f.sha256());
    }

    /**
     * Deletes the stored image unless a firmware record or an update request not yet decided holds it;
     * true when it is gone. Call it in a transaction.
     */
    public boolean deleteImageIfUnused(String sha256) {
        // Locked before counting: an upload that shares the image holds this lock until it commits,
        // so its record is counted here, or it finds the image gone and stores it again.
        lockImage(sha256);
        if (jdbc.count("SELECT COUNT(*) FROM firmware WHERE sha256 = ?", sha256) > 0
                || jdbc.count("SELECT COUNT(*) FROM update_requests WHERE sha256 = ? AND state IN ('submitted', 'in_review')",
                sha256) > 0) {
            return false;
        }
        jdbc.update("DELETE FROM firmware_chunks WHERE sha256 = ?", sha256);
        jdbc.update("DELETE FROM firmware_images WHERE sha256 = ?", sha256);
        return true;
    }

    /**
     * Locks the stored image until the transaction ends (so no delete removes it meanwhile); false
     * when the database does not hold it.
     */
    public boolean lockImage(String sha256) {
        return jdbc.one("SELECT sha256 FROM firmware_images WHERE sha256 = ? FOR UPDATE", rs -> true, sha256)
                .isPresent();
    }

    public boolean imageStored(String sha256) {
        return jdbc.count("SELECT COUNT(*) FROM firmware_images WHERE sha256 = ?", sha256) > 0;
    }

    /** @throws StoreException with {@link StoreException#isDuplicateKey()} when another upload stored it first */
    public void insertImage(String sha256, long size) {
        jdbc.update("INSERT INTO firmware_images (sha256, size) VALUES (?, ?)", sha256, size);
    }

    public void insertChunk(String sha256, int index, byte[] data) {
        jdbc.update("INSERT INTO firmware_chunks (sha256, idx, data) VALUES (?, ?, ?)", sha256, index, data);
    }

    /** Chunk {@code index} of an image (chunks are numbered from 0 and joined in order), if there is one. */
    public Optional<byte[]> chunk(String sha256, int index) {
        return jdbc.one("SELECT data FROM firmware_chunks WHERE sha256 = ? AND idx = ?", rs -> rs.getBytes(1),
                sha256, index);
    }

    /** Images that firmware records name but the database does not hold (kept on disk before V3). */
    public List<String> imagesNotStored() {
        return jdbc.list("SELECT DISTINCT f.sha256 FROM firmware f WHERE NOT EXISTS"
                + " (SELECT 1 FROM firmware_images i WHERE i.sha256 = f.sha256)", rs -> rs.getString(1));
    }

    private static FirmwareRow map(ResultSet rs) throws SQLException {
        return new FirmwareRow(rs.getString("id"), rs.getString("device_type"), rs.getString("version"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("crc32"), Jdbc.instant(rs, "uploaded_at"));
    }
}
