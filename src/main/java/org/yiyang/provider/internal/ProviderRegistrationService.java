package org.yiyang.provider.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityChanged;
import org.yiyang.provider.FacilityDraft;
import org.yiyang.provider.FacilityStatus;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.OrganisationDraft;
import org.yiyang.provider.ProviderKind;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderRegistration;
import org.yiyang.provider.ProviderStatus;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.UnifiedSocialCreditCode;
import org.yiyang.shared.Violations;

/**
 * Registers and changes organisations and facilities. Every draft is checked whole (all field
 * errors at once) before anything is written, inside one transaction.
 */
@Service
class ProviderRegistrationService implements ProviderRegistration {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 200;

    private final OrganisationRepository organisations;
    private final FacilityRepository facilities;
    private final RegionDirectory regions;
    private final double maxDistanceM;
    private final ApplicationEventPublisher events;

    ProviderRegistrationService(OrganisationRepository organisations, FacilityRepository facilities,
            RegionDirectory regions, @Value("${yiyang.provider.max-distance-from-region-m:10000}") double maxDistanceM,
            ApplicationEventPublisher events) {
        this.events = events;
        this.organisations = organisations;
        this.facilities = facilities;
        this.regions = regions;
        this.maxDistanceM = maxDistanceM;
    }

    @Override
    @Transactional
    public long registerOrganisation(OrganisationDraft draft) {
        DataScope scope = editorScope();
        if (!(scope instanceof DataScope.Region)) {
            throw new AccessDeniedException("only a bureau registers organisations");
        }
        OrganisationRepository.Values v = validate(draft, scope, null, null);
        try {
            return organisations.insert(v);
        } catch (DuplicateKeyException e) {
            throw InputRejectedException.of("uscc", "provider.uscc.duplicate", v.uscc());
        }
    }

    @Override
    @Transactional
    public void updateOrganisation(long id, OrganisationDraft draft) {
        DataScope scope = editorScope();
        ProviderOrganisation current = organisations.find(id, scope)
                .orElseThrow(() -> new NotFoundException("provider.not-found", id));
        OrganisationRepository.Values v = validate(draft, scope, id, current);
        boolean changed;
        try {
            changed = organisations.update(id, draft.version(), v);
        } catch (DuplicateKeyException e) {
            throw InputRejectedException.of("uscc", "provider.uscc.duplicate", v.uscc());
        }
        if (!changed) {
            throw RuleViolationException.conflict("provider.stale");
        }
    }

    @Override
    @Transactional
    public long registerFacility(FacilityDraft draft) {
        DataScope scope = editorScope();
        long id = facilities.insert(validate(draft, scope, null));
        events.publishEvent(new FacilityChanged(id));
        return id;
    }

    @Override
    @Transactional
    public void updateFacility(long id, FacilityDraft draft) {
        DataScope scope = editorScope();
        Facility current = facilities.find(id, scope).orElseThrow(() -> new NotFoundException("facility.not-found", id));
        if (!facilities.update(id, draft.version(), validate(draft, scope, current))) {
            throw RuleViolationException.conflict("facility.stale");
        }
        events.publishEvent(new FacilityChanged(id));
    }

    /** Writers need PROVIDER_EDIT and a region or provider scope; caregivers and others only read. */
    private static DataScope editorScope() {
        DataScope scope = CurrentUser.scope();
        if (!CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT)
                || !(scope instanceof DataScope.Region || scope instanceof DataScope.Provider)) {
            throw new AccessDeniedException("provider edit not allowed");
        }
        return scope;
    }

    private OrganisationRepository.Values validate(OrganisationDraft d, DataScope scope, Long id,
                                                   ProviderOrganisation current) {
        Violations v = new Violations();
        String name = text(v, "name", d.name(), MAX_NAME, true);
        UnifiedSocialCreditCode uscc = null;
        if (v.require("uscc", d.uscc())) {
            uscc = v.parse("uscc", () -> UnifiedSocialCreditCode.parse(d.uscc()));
            if (uscc != null) {
                Optional<Long> holder = organisations.idOfUscc(uscc.value());
                if (holder.isPresent() && !holder.get().equals(id)) {
                    v.add("uscc", "provider.uscc.duplicate", uscc.value());
                }
            }
        }
        ProviderKind kind = null;
        if (v.require("kind", d.kind())) {
            kind = enumValue(v, "kind", ProviderKind.class, d.kind(), "provider.kind.invalid");
        }
        RegionCode region = region(v, "regionCode", d.regionCode(), scope, RegionLevel.COUNTY, "provider").map(Region::code).orElse(null);
        String address = text(v, "address", d.address(), MAX_TEXT, false);
        String contactName = text(v, "contactName", d.contactName(), 50, false);
        String phone = phone(v, "contactPhone", d.contactPhone());
        ProviderStatus status = ProviderStatus.ACTIVE;
        if (current != null && scope instanceof DataScope.Provider) {
            status = current.status(); // a provider does not suspend or reopen itself
        } else if (d.status() != null && !d.status().isBlank()) {
            status = enumValue(v, "status", ProviderStatus.class, d.status(), "provider.status.invalid");
        } else if (current != null) {
            status = current.status();
        }
        v.throwIfAny();
        return new OrganisationRepository.Values(name, uscc.value(), kind, region, address, contactName, phone, status);
    }

    private FacilityRepository.Values validate(FacilityDraft d, DataScope scope, Facility current) {
        Violations v = new Violations();
        Long providerId = null;
        if (scope instanceof DataScope.Provider p) {
            providerId = p.providerId();
            if (d.providerId() != null && !d.providerId().isBlank() && !d.providerId().trim().equals(String.valueOf(providerId))) {
                v.add("providerId", "facility.provider.unknown", d.providerId());
            }
        } else if (d.providerId() != null && !d.providerId().isBlank()) {
            Long parsed = number(v, "providerId", d.providerId(), Long::valueOf);
            if (parsed != null) {
                if (organisations.find(parsed, scope).isEmpty()
                        && (current == null || !parsed.equals(current.providerId()))) {
                    v.add("providerId", "facility.provider.unknown", d.providerId());
                } else {
                    providerId = parsed;
                }
            }
        }
        String name = text(v, "name", d.name(), MAX_NAME, true);
        FacilityType type = null;
        if (v.require("type", d.type())) {
            type = enumValue(v, "type", FacilityType.class, d.type(), "facility.type.invalid");
        }
        Optional<Region> region = region(v, "regionCode", d.regionCode(), scope, RegionLevel.TOWN, "facility");
        String address = text(v, "address", d.address(), MAX_TEXT, false);
        GeoPoint location = null;
        boolean hasLat = d.lat() != null && !d.lat().isBlank();
        boolean hasLng = d.lng() != null && !d.lng().isBlank();
        if (!hasLat || !hasLng) {
            v.add("location", "facility.location.required");
        } else {
            Double lat = number(v, "location", d.lat(), Double::valueOf);
            Double lng = lat == null ? null : number(v, "location", d.lng(), Double::valueOf);
            if (lat != null && lng != null) {
                location = v.parse("location", () -> new GeoPoint(lat, lng));
            }
        }
        if (location != null && region.isPresent() && region.get().centroid() != null) {
            double distance = location.distanceMeters(region.get().centroid());
            if (distance > maxDistanceM) {
                v.add("location", "facility.location.too-far", region.get().name(),
                        String.format(Locale.ROOT, "%.1f", distance / 1000), String.format(Locale.ROOT, "%.1f", maxDistanceM / 1000));
            }
        }
        BigDecimal area = null;
        if (d.floorAreaM2() != null && !d.floorAreaM2().isBlank()) {
            area = number(v, "floorAreaM2", d.floorAreaM2(), BigDecimal::new);
            if (area != null && (area.signum() <= 0 || area.compareTo(BigDecimal.valueOf(1_000_000)) > 0 || area.scale() > 1)) {
                v.add("floorAreaM2", "facility.area.invalid", d.floorAreaM2());
                area = null;
            }
        }
        Integer beds = null;
        if (d.beds() != null && !d.beds().isBlank()) {
            beds = number(v, "beds", d.beds(), Integer::valueOf);
            if (beds != null && (beds < 0 || beds > 10_000)) {
                v.add("beds", "facility.beds.invalid", d.beds());
                beds = null;
            }
        }
        String hours = text(v, "openingHours", d.openingHours(), MAX_NAME, false);
        String phone = phone(v, "phone", d.phone());
        FacilityStatus status = current == null ? FacilityStatus.OPEN : current.status();
        if (d.status() != null && !d.status().isBlank()) {
            status = enumValue(v, "status", FacilityStatus.class, d.status(), "facility.status.invalid");
        }
        v.throwIfAny();
        return new FacilityRepository.Values(providerId, name, type, region.get().code(), address, location, area, beds,
                hours, phone, status);
    }

    /**
     * A region that exists, is at {@code deepest} or below, and — for a bureau user — lies in the
     * user's region. Codes {@code <module>.region.unknown}, {@code .region.level}, {@code .region.out-of-scope}.
     */
    private Optional<Region> region(Violations v, String field, String text, DataScope scope, RegionLevel highest,
                                    String module) {
        if (!v.require(field, text)) {
            return Optional.empty();
        }
        RegionCode code = v.parse(field, () -> RegionCode.of(text));
        if (code == null) {
            return Optional.empty();
        }
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            v.add(field, module + ".region.unknown", code.value());
            return Optional.empty();
        }
        if (code.level().ordinal() < highest.ordinal()) {
            v.add(field, module + ".region.level", region.get().name());
            return Optional.empty();
        }
        if (scope instanceof DataScope.Region && !scope.covers(code)) {
            v.add(field, module + ".region.out-of-scope", region.get().name());
            return Optional.empty();
        }
        return region;
    }

    private static String text(Violations v, String field, String value, int max, boolean required) {
        if (required && !v.require(field, value)) {
            return null;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            v.add(field, "field.too-long", max);
            return null;
        }
        return t;
    }

    private static String phone(Violations v, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        PhoneNumber p = v.parse(field, () -> PhoneNumber.parse(value));
        return p == null ? null : p.value();
    }

    private static <E extends Enum<E>> E enumValue(Violations v, String field, Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, code, value);
            return null;
        }
    }

    private static <N> N number(Violations v, String field, String value, java.util.function.Function<String, N> parse) {
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            v.add(field, "field.invalid-number", value);
            return null;
        }
    }
}
