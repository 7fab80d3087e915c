package org.yiyang.provider.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityStandards;
import org.yiyang.provider.FacilityType;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Violations;

@Service
class FacilityStandardService implements FacilityStandards {

    private final StandardRepository standards;
    private final RegionDirectory regions;

    FacilityStandardService(StandardRepository standards, RegionDirectory regions) {
        this.standards = standards;
        this.regions = regions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FacilityStandard> all() {
        return standards.all();
    }

    @Override
    @Transactional(readOnly = true)
    public List<FacilityStandard> visible() {
        DataScope scope = CurrentUser.scope();
        if (!(scope instanceof DataScope.Region r)) {
            return standards.all();
        }
        return standards.all().stream()
                .filter(s -> r.prefix().startsWith(s.regionPrefix()) || s.regionPrefix().startsWith(r.prefix()))
                .toList();
    }

    @Override
    @Transactional
    public long save(StandardDraft d) {
        DataScope.Region scope = editorScope();
        Violations v = new Violations();
        String prefix = null;
        if (v.require("regionPrefix", d.regionPrefix())) {
            prefix = d.regionPrefix().trim();
            if (!prefix.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
                v.add("regionPrefix", "facility-standard.prefix.invalid", prefix);
                prefix = null;
            } else if (!prefix.startsWith(scope.prefix())) {
                v.add("regionPrefix", "facility-standard.prefix.out-of-scope", prefix);
                prefix = null;
            } else if (regions.find(RegionCode.of((prefix + "000000000000").substring(0, 12))).isEmpty()) {
                v.add("regionPrefix", "facility-standard.prefix.unknown", prefix);
                prefix = null;
            }
        }
        FacilityType type = null;
        if (v.require("type", d.type())) {
            try {
                type = FacilityType.valueOf(d.type().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("type", "facility.type.invalid", d.type());
            }
        }
        BigDecimal area = null;
        if (d.minAreaM2() != null && !d.minAreaM2().isBlank()) {
            try {
                area = new BigDecimal(d.minAreaM2().trim());
                if (area.signum() <= 0 || area.scale() > 1 || area.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    v.add("minAreaM2", "facility.area.invalid", d.minAreaM2());
                }
            } catch (NumberFormatException e) {
                v.add("minAreaM2", "field.invalid-number", d.minAreaM2());
            }
        }
        Integer beds = null;
        if (d.minBeds() != null && !d.minBeds().isBlank()) {
            try {
                beds = Integer.valueOf(d.minBeds().trim());
                if (beds <= 0 || beds > 10_000) {
                    v.add("minBeds", "facility.beds.invalid", d.minBeds());
                }
            } catch (NumberFormatException e) {
                v.add("minBeds", "field.invalid-number", d.minBeds());
            }
        }
        if ((d.minAreaM2() == null || d.minAreaM2().isBlank()) && (d.minBeds() == null || d.minBeds().isBlank())) {
            v.add("minAreaM2", "facility-standard.minimum.required");
        }
        String source = null;
        if (v.require("source", d.source())) {
            source = d.source().strip();
            if (source.length() > 500) {
                v.add("source", "field.too-long", 500);
            }
        }
        v.throwIfAny();
        return standards.upsert(prefix, type, area, beds, source);
    }

    @Override
    @Transactional
    public void delete(long id) {
        DataScope.Region scope = editorScope();
        FacilityStandard rule = standards.find(id)
                .filter(s -> !s.regionPrefix().isEmpty() && s.regionPrefix().startsWith(scope.prefix()))
                .orElseThrow(() -> new NotFoundException("facility-standard.not-found", id));
        standards.delete(rule.id());
    }

    @Override
    public boolean mayEdit() {
        return CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT) && CurrentUser.scope() instanceof DataScope.Region;
    }

    @Override
    public boolean mayEdit(FacilityStandard rule) {
        return CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT)
                && CurrentUser.scope() instanceof DataScope.Region r
                && !rule.regionPrefix().isEmpty() && rule.regionPrefix().startsWith(r.prefix());
    }

    private static DataScope.Region editorScope() {
        if (CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT) && CurrentUser.scope() instanceof DataScope.Region r) {
            return r;
        }
        throw new AccessDeniedException("facility standards are edited by the bureau");
    }
}
