package org.yiyang.provider.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverDirectory;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.Violations;

/**
 * The caregiver registry. Reads and writes are limited to the caller's data scope in SQL; a
 * caregiver outside it is "not found" exactly like an absent one. Writes need {@code PROVIDER_EDIT}:
 * a provider manager for their own provider, a bureau user for home bases within their region.
 */
@Service
@Transactional(readOnly = true)
public class CaregiverService implements CaregiverDirectory {

    /** How far a home base may lie from its community's centroid. */
    public static final double MAX_HOME_DISTANCE_M = 10_000;

    private final CaregiverRepository caregivers;
    private final RegionDirectory regions;
    private final Clock clock;

    CaregiverService(CaregiverRepository caregivers, RegionDirectory regions, ObjectProvider<Clock> clock) {
        this.caregivers = caregivers;
        this.regions = regions;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** Today in the platform's time zone: the day certificate states are computed for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PageResult<CaregiverDetails> search(CaregiverSearch search, PageQuery page) {
        DataScope scope = CurrentUser.scope();
        LocalDate today = today();
        return new PageResult<>(caregivers.search(search, scope, today, page.size(), page.offset()),
                page.page(), page.size(), caregivers.count(search, scope, today));
    }

    /** The caregiver, if in the caller's scope; otherwise {@code caregiver.not-found} (404). */
    public CaregiverDetails get(long id) {
        return caregivers.find(id, CurrentUser.scope()).orElseThrow(() -> new NotFoundException("caregiver.not-found", id));
    }

    /** Providers with caregivers the caller can see, for filters. */
    public List<CaregiverProviderOption> providersForFilter() {
        return caregivers.providersWithCaregivers(CurrentUser.scope());
    }

    /** Providers the caller may assign caregivers to, for forms. */
    public List<CaregiverProviderOption> assignableProviders() {
        return caregivers.assignableProviders(CurrentUser.scope());
    }

    /**
     * Communities a caregiver of the caller may live in: those under the caller's region, or for a
     * provider, those of the counties its organisations are registered in.
     */
    public List<Region> communitiesForForm() {
        DataScope scope = CurrentUser.scope();
        List<String> prefixes = switch (scope) {
            case DataScope.Region r -> List.of(r.prefix());
            default -> caregivers.assignableProviders(scope).stream()
                    .filter(p -> p.regionCode() != null).map(p -> p.regionCode().substring(0, 6)).distinct().toList();
        };
        return regions.ofLevel(RegionLevel.COMMUNITY).stream()
                .filter(r -> prefixes.stream().anyMatch(p -> r.code().value().startsWith(p))).toList();
    }

    @Transactional
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    public long create(CaregiverInput input) {
        Violations v = new Violations();
        CaregiverDraft draft = CaregiverDraft.parse(input, v);
        GeoPoint home = checkInContext(draft, v);
        v.throwIfAny();
        return caregivers.insert(draft, home.lat(), home.lng());
    }

    /**
     * Replaces the caregiver's data. With {@code expectedVersion} (the version the user started
     * from), a record changed by someone else meanwhile is a 409 {@code caregiver.changed}.
     */
    @Transactional
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    public void update(long id, CaregiverInput input, Integer expectedVersion) {
        CaregiverDetails current = get(id);
        Violations v = new Violations();
        CaregiverDraft draft = CaregiverDraft.parse(input, v);
        GeoPoint home = checkInContext(draft, v);
        v.throwIfAny();
        String masked = draft.idNumberMasked() != null ? draft.idNumberMasked() : current.idNumberMasked();
        if (!caregivers.update(id, draft, masked, home.lat(), home.lng(), expectedVersion)) {
            throw RuleViolationException.conflict("caregiver.changed");
        }
    }

    /** The checks that need the database and the caller's scope; returns the home point to store. */
    private GeoPoint checkInContext(CaregiverDraft draft, Violations v) {
        DataScope scope = CurrentUser.scope();
        if (draft.providerId() != null && caregivers.assignableProvider(draft.providerId(), scope).isEmpty()) {
            v.add("providerId", "caregiver.provider-unknown", draft.providerId());
        }
        if (draft.regionCode() == null) {
            return null;
        }
        Region community = regions.find(draft.regionCode())
                .filter(r -> r.level() == RegionLevel.COMMUNITY).orElse(null);
        if (community == null) {
            v.add("regionCode", "caregiver.region-unknown", draft.regionCode().value());
            return null;
        }
        if (scope instanceof DataScope.Region && !scope.covers(draft.regionCode())) {
            v.add("regionCode", "caregiver.region-out-of-scope", community.name());
            return null;
        }
        if (draft.homeLat() == null || draft.homeLng() == null) {
            if (community.centroid() == null) {
                v.add("homeLat", "caregiver.home-required");
            }
            return community.centroid();
        }
        GeoPoint home = new GeoPoint(draft.homeLat(), draft.homeLng());
        if (community.centroid() != null && home.distanceMeters(community.centroid()) > MAX_HOME_DISTANCE_M) {
            v.add("homeLat", "caregiver.home-too-far", community.name(), Math.round(MAX_HOME_DISTANCE_M / 1000));
        }
        return home;
    }

    @Override
    public List<CaregiverCandidate> candidatesFor(String skill, LocalDate day) {
        return candidatesFor(skill, day, "");
    }

    @Override
    public List<CaregiverCandidate> candidatesFor(String skill, LocalDate day, String regionPrefix) {
        if (regionPrefix == null || !regionPrefix.matches("\\d{0,12}")) {
            throw new IllegalArgumentException("region prefix must be 0-12 digits: " + regionPrefix);
        }
        return CaregiverSkill.find(skill)
                .map(s -> caregivers.candidates(s, day, regionPrefix))
                .orElse(List.of());
    }

    @Override
    public java.util.Map<Long, org.yiyang.provider.CaregiverCard> cards(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return caregivers.cards(ids);
    }

    @Override
    public java.util.Optional<CaregiverCandidate> activeCaregiver(long caregiverId) {
        return caregivers.activeCandidate(caregiverId);
    }

    @Override
    public List<CaregiverCandidate> activeCaregivers() {
        return caregivers.activeCandidates();
    }
}
