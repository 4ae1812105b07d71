package nl.fotadesk.backend.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The master key that seals the database's secrets. It lives outside the database: in
 * {@code FOTA_DESK_MASTER_KEY} (base64, given as {@link SecretsConfig#masterKey()}) or in a key file
 * ({@code 0600}) in the config folder. The database holds a check value sealed with it, so a wrong or
 * missing key is a clear error at start; a new key is created only for a database that has no check yet.
 */
public final class MasterKey {
    public static final int KEY_BYTES = 32;
    static final String CHECK_SETTING = "master_key_check";
    private static final String CHECK_TEXT = "FOTA Desk master key check";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    /** @throws MasterKeyException when the key is missing for a database that has one, unreadable, or another one */
    public static SecretBox unlock(SecretsConfig config, SettingValues settings) {
        boolean databaseHasKey = settings.get(CHECK_SETTING).isPresent();
        String source = config.masterKey() != null ? "FOTA_DESK_MASTER_KEY" : config.masterKeyFile().toString();
        Optional<byte[]> key = config.masterKey() != null
                ? Optional.of(decode(config.masterKey(), source)) : read(config.masterKeyFile());
        boolean created = false;
        if (key.isEmpty()) {
            if (databaseHasKey) {
                throw new MasterKeyException("This database's secrets are sealed with a master key, but there is no"
                        + " key file " + config.masterKeyFile() + " and FOTA_DESK_MASTER_KEY is not set. Put the key"
                        + " the database was set up with there (a new key cannot open its secrets).");
            }
            created = create(config.masterKeyFile());
            key = read(config.masterKeyFile());
        }
        SecretBox box = new SecretBox(key.orElseThrow());
        String check = settings.getOrCreate(CHECK_SETTING, () -> box.seal(CHECK_TEXT, CHECK_SETTING));
        try {
            box.open(check, CHECK_SETTING);
        } catch (SealedValueException e) {
            if (created) {
                delete(config.masterKeyFile());
            }
            throw new MasterKeyException("The master key from " + source + " is not the one this database's secrets"
                    + " are sealed with" + (databaseHasKey ? "" : " (another node created the database's key at the"
                    + " same moment)") + ". Give this node the database's key file or FOTA_DESK_MASTER_KEY.");
        }
        return box;
    }

    private static Optional<byte[]> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (OwnerOnly.readableByOthers(file)) {
                LOG.warn("The master key file {} can be read by other users; make it 0600", file);
            }
            return Optional.of(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new MasterKeyException("Cannot read the master key file " + file + ": " + e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new MasterKeyException("The master key in " + source + " is not " + KEY_BYTES
                    + " bytes in base64 (e.g. the output of: openssl rand -base64 32)");
        }
        return key;
    }

    /**
     * Writes a new key, owner-only, unless another process created the file first (a hard link to a
     * finished temporary file appears at once or not at all).
     * @return whether this call created the file
     */
    private static boolean create(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            OwnerOnly.restrict(folder);
            Path temporary = Files.createTempFile(folder, ".master-key", ".new");
            try {
                OwnerOnly.restrict(temporary);
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temporary);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        return false;
                    }
                    Files.move(temporary, file);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.info("Created a new master key in {}: keep a copy of it; without it the database's secrets are lost", file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new MasterKeyException("Cannot create the master key file " + file + ": " + e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
