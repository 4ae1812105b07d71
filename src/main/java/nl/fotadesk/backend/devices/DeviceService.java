package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import com.fasterxml.jackson.core.type.TypeReference;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.InvalidBatch;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.ClusterLocks;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.DeviceSecret;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.ProtocolException;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.Page;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Registering devices, showing them, and setting the firmware they should run. */
public final class DeviceService {
    /** The error of a device outside the registering user's scope. */
    private static final String OUT_OF_SCOPE = "out_of_scope";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** What can be an IMEI in a path; anything else names no device. */
    private static final Pattern IMEI = Pattern.compile("[0-9]{15}");
    private final Jdbc jdbc;
    private final DeviceStore devices;
    private final FirmwareStore firmware;
    private final Updates updates;
    private final CatalogStore catalog;
    private final CampaignStore campaigns;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClusterLocks claims;
    private final SecureRandom random = new SecureRandom();

    public DeviceService(Jdbc jdbc, DeviceStore devices, FirmwareStore firmware, Updates updates,
                         CatalogStore catalog, CampaignStore campaigns, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.claims = new ClusterLocks(jdbc);
        this.devices = devices;
        this.firmware = firmware;
        this.updates = updates;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * Registers a device; the answer holds the secret only when it was generated here. A supplier
     * registers devices of their device types, a customer devices of their client (see {@link #validate}).
     */
    public DeviceView register(Principal actor, NewDevice d) {
        Registration r = validate(actor, d);
        try {
            jdbc.inTransaction(() -> {
                insert(r);
                audit.done(actor, "device.register", "device/" + r.imei, r.deviceType + ", client " + r.client);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw duplicate(r.imei);
            }
            throw e;
        }
        return created(r);
    }

    /**
     * Registers many devices at once, all or nothing: when any entry is invalid or its IMEI taken,
     * nothing is stored and the answer lists every refused entry.
     */
    public List<DeviceView> registerAll(Principal actor, List<NewDevice> batch) {
        if (batch.isEmpty()) {
            throw new Invalid("empty_batch", "the body must be a non-empty JSON array of devices");
        }
        List<Registration> valid = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                Registration r = validate(actor, batch.get(i));
                if (!seen.add(r.imei) || devices.find(r.imei).isPresent()) {
                    throw duplicate(r.imei);
                }
                valid.add(r);
            } catch (DomainError e) {
                errors.add(new ItemError(i, batch.get(i) == null ? null : batch.get(i).imei(), e.code(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidBatch(errors.size() + " of " + batch.size() + " devices were refused; none was registered",
                    errors);
        }
        jdbc.inTransaction(() -> {
            valid.forEach(this::insert);
            audit.done(actor, "device.register", "devices", valid.size() + " devices in one batch");
            return null;
        });
        return valid.stream().map(this::created).toList();
    }

    /**
     * Registers the valid rows of an import and reports the others by line; rows whose IMEI is taken
     * (registered, or earlier in the same file) are refused too. A dry run stores nothing. A row outside
     * the actor's scope refuses the whole import (400, every refused line listed), dry run or not: a
     * scoped user's file is theirs only when all of it is.
     */
    public ImportReport registerValid(Principal actor, List<NewDevice> rows, List<Integer> lines,
                                      List<ItemError> parseErrors, boolean dryRun) {
        List<Registration> valid = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>(parseErrors);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int line = lines.get(i);
            try {
                Registration r = validate(actor, rows.get(i));
                if (!seen.add(r.imei) || devices.find(r.imei).isPresent()) {
                    throw duplicate(r.imei);
                }
                valid.add(r);
            } catch (DomainError e) {
                errors.add(new ItemError(line, rows.get(i).imei(), e.code(), "line " + line + ": " + e.getMessage()));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ItemError::index));
        long outside = errors.stream().filter(e -> OUT_OF_SCOPE.equals(e.error())).count();
        if (outside > 0) {
            throw new InvalidBatch(outside + (outside == 1 ? " line is" : " lines are")
                    + " outside your scope; nothing was imported", errors);
        }
        if (!dryRun) {
            jdbc.inTransaction(() -> {
                valid.forEach(this::insert);
                audit.done(actor, "device.import", "devices", valid.size() + " devices registered, "
                        + errors.size() + " lines refused");
                return null;
            });
        }
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        if (!dryRun) {
            valid.stream().filter(Registration::generated).forEach(r -> secrets.put(r.imei, r.secret));
        }
        return new ImportReport(rows.size() + parseErrors.size(), dryRun ? 0 : valid.size(), errors, secrets, dryRun);
    }

    /** A device that passed validation, with the secret it will have. */
    private record Registration(String imei, String deviceType, String client, String secret, boolean generated,
                                String firmware) {
    }

    private Registration validate(Principal actor, NewDevice d) {
        if (d == null) {
            throw new Invalid("invalid_device", "a device must be a JSON object");
        }
        String imei = check("invalid_imei", () -> Imei.requireValid(d.imei()));
        String deviceType = Names.name("deviceType", d.deviceType());
        String client = Names.name("client", d.client());
        if (!actor.isOperator()) {
            requireInScopeAndCatalog(actor.scope(), imei, deviceType, client);
        }
        String firmwareVersion = d.firmware() == null ? null : Names.version("firmware", d.firmware());
        boolean generated = d.secret() == null;
        String secret = generated ? DeviceSecret.generate(random)
                : check("invalid_secret", () -> DeviceSecret.requireValid(d.secret()));
        return new Registration(imei, deviceType, client, secret, generated, firmwareVersion);
    }

    /**
     * A supplier registers devices of their device types for any client, a customer devices of their
     * client of any type; the client and the type must be in the catalog already, which only operators
     * extend (an operator's registration adds a name it does not know).
     */
    private void requireInScopeAndCatalog(Scope scope, String imei, String deviceType, String client) {
        try {
            scope.requireClient(OUT_OF_SCOPE, "client", client, Scope.YOURS);
            scope.requireDeviceType(OUT_OF_SCOPE, "deviceType", deviceType, Scope.YOURS);
        } catch (Invalid e) {
            throw new Invalid(OUT_OF_SCOPE, "device " + imei + ": " + e.getMessage());
        }
        if (!catalog.clientExists(client)) {
            throw new Invalid("unknown_client", "device " + imei + ": there is no client " + Limits.quoted(client)
                    + "; an operator adds clients");
        }
        if (!catalog.deviceTypeExists(deviceType)) {
            throw new Invalid("unknown_device_type", "device " + imei + ": there is no device type "
                    + Limits.quoted(deviceType) + "; an operator adds device types");
        }
    }

    private void insert(Registration r) {
        jdbc.inTransaction(() -> {
            catalog.ensureClient(r.client, clock.instant());
            catalog.ensureDeviceType(r.deviceType, null, clock.instant());
            devices.insert(r.imei, r.deviceType, r.client, r.secret, r.firmware, clock.instant());
            return null;
        });
    }

    private DeviceView created(Registration r) {
        DeviceView view = get(r.imei);
        return r.generated ? view.withSecret(r.secret) : view;
    }

    private static Conflict duplicate(String imei) {
        return new Conflict("duplicate_imei", "a device with IMEI " + imei + " is already registered");
    }

    DeviceView get(String imei) {
        return view(find(imei));
    }

    /** The device if it is in {@code who}'s scope; one outside it is not found, exactly as an unknown one. */
    public DeviceView get(Principal who, String imei) {
        return view(find(who.scope(), imei));
    }

    public long count(DeviceFilter filter) {
        return devices.count(filter);
    }

    /** A page of devices; a filter value that no stored name could equal is refused, not searched for. */
    public Page<DeviceView> page(Principal who, GroupFilter criteria, String imeiDigits, int offset, int limit) {
        DeviceFilter asked = checked(new DeviceFilter(criteria.client(), criteria.deviceType(), criteria.status(),
                criteria.firmware()).withImeiContaining(imeiDigits));
        return pageOf(who.scope().narrow(asked), offset, limit);
    }

    Page<DeviceView> page(DeviceFilter filter, int offset, int limit) {
        return pageOf(checked(filter), offset, limit);
    }

    /** The IMEIs of the devices {@code filter} admits, in IMEI order. */
    List<String> imeis(DeviceFilter filter) {
        return devices.all(filter).stream().map(DeviceRow::imei).toList();
    }

    /** A page of what {@code filter} admits, as given: a narrowed filter may hold "" that matches nothing. */
    Page<DeviceView> pageOf(DeviceFilter filter, int offset, int limit) {
        return new Page<>(devices.page(filter, offset, limit).stream().map(this::view).toList(),
                devices.count(filter), offset, limit);
    }

    private static DeviceFilter checked(DeviceFilter filter) {
        checkFilter("client", filter.client(), Limits.NAME);
        checkFilter("deviceType", filter.deviceType(), Limits.NAME);
        checkFilter("firmware", filter.firmware(), Limits.VERSION);
        return filter;
    }

    /**
     * Sets the firmware one device should run. Unless it already runs that version, this starts a new
     * update with its own download id; the previous update's URL answers 410 from then on. A device
     * that a campaign holds is refused: the campaign decides its firmware.
     */
    public DeviceView setDesired(Principal actor, String imei, String firmwareId) {
        DeviceRow device = find(actor.scope(), imei);
        if (firmwareId == null || firmwareId.isBlank()) {
            throw new Invalid("missing_firmware_id", "firmwareId is required");
        }
        FirmwareRow image = (Limits.isId(firmwareId) ? firmware.find(firmwareId) : Optional.<FirmwareRow>empty())
                .orElseThrow(() -> new Invalid("unknown_firmware",
                        "no firmware with id " + Limits.shortened(firmwareId)));
        if (!image.deviceType().equals(device.deviceType())) {
            throw new Invalid("wrong_device_type", "firmware " + image.version() + " is for device type "
                    + image.deviceType() + ", device " + imei + " is a " + device.deviceType());
        }
        jdbc.inTransaction(() -> {
            // under the same lock as a campaign taking devices, so neither can take this device from the other
            claims.lockUntilCommit(ClusterLocks.DEVICE_CLAIMS);
            campaigns.holding(imei).ifPresent(c -> {
                throw new Conflict("device_in_campaign", "device " + imei + " is in campaign \"" + c.name()
                        + "\" (" + c.id() + "); pause or cancel it first");
            });
            audit.done(actor, "device.desired.set", "device/" + imei, image.version() + " (" + image.id() + ")");
            return updates.start(devices.find(imei).orElseThrow(), image, false, null, null,
                    EventCode.DESIRED_SET.detail("desired firmware set to " + image.version() + " by "
                            + actor.described(), image.version(), actor.displayName(), actor.eventRole()));
        });
        return get(imei);
    }

    private static void checkFilter(String field, String value, int max) {
        if (value != null) {
            Limits.text(field, value, max);
        }
    }

    private DeviceRow find(String imei) {
        return find(Scope.ALL, imei);
    }

    /** The device if it is in {@code scope}; one outside it is not found, exactly as an unknown one. */
    DeviceRow find(Scope scope, String imei) {
        return (imei != null && IMEI.matcher(imei).matches() ? devices.find(imei) : Optional.<DeviceRow>empty())
                .filter(d -> scope.admits(d.client(), d.deviceType()))
                .orElseThrow(() -> new NotFound("no device with IMEI " + Limits.shortened(imei)));
    }

    private DeviceView view(DeviceRow d) {
        Long served = d.download().id() == null ? null : d.download().bytesServed();
        DeviceRow.Reported r = d.reported();
        return new DeviceView(d.imei(), d.deviceType(), d.client(), r.firmware(), d.desired().version(),
                d.desired().firmwareId(), d.status(), progress(d, served), served, r.fotaResult(),
                r.lastSeen() == null ? null : r.lastSeen().toString(), telemetry(r.telemetry()), null);
    }

    /** The device's own progress report, else what the file server has sent it. */
    private static Integer progress(DeviceRow d, Long served) {
        if (d.progress() != null || !d.status().isActive() || served == null || d.desired().size() == null
                || d.desired().size() == 0) {
            return d.progress();
        }
        return (int) Math.min(100, served * 100 / d.desired().size());
    }

    private static Map<String, Object> telemetry(String json) {
        try {
            return json == null ? null : StrictJson.MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String check(String error, java.util.function.Supplier<String> validation) {
        try {
            return validation.get();
        } catch (ProtocolException e) {
            throw new Invalid(error, e.getMessage());
        }
    }
}
