package org.yiyang.provider.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderQuery;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;

@Service
@Transactional(readOnly = true)
class ProviderDirectoryService implements ProviderDirectory {

    private final OrganisationRepository organisations;
    private final FacilityRepository facilities;

    ProviderDirectoryService(OrganisationRepository organisations, FacilityRepository facilities) {
        this.organisations = organisations;
        this.facilities = facilities;
    }

    @Override
    public Optional<ProviderOrganisation> findOrganisation(long id, DataScope scope) {
        return organisations.find(id, scope);
    }

    @Override
    public PageResult<ProviderOrganisation> organisations(ProviderQuery query, DataScope scope) {
        return organisations.search(new OrganisationRepository.Criteria(query.q(), regionPrefix(query.region()),
                query.kind(), query.status()), query.page(), scope);
    }

    @Override
    public Optional<Facility> findFacility(long id, DataScope scope) {
        return facilities.find(id, scope);
    }

    @Override
    public PageResult<Facility> facilities(FacilityQuery query, DataScope scope) {
        return facilities.search(new FacilityRepository.Criteria(query.q(), regionPrefix(query.region()), query.type(),
                query.belowStandard(), query.providerId()), query.page(), scope);
    }

    /** A region filter: a 12-digit code stands for its subtree, shorter digits are a prefix. */
    static String regionPrefix(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String r = region.trim();
        if (RegionCode.isWellFormed(r)) {
            return RegionCode.of(r).prefix();
        }
        if (r.matches("\\d{2,11}")) {
            return r;
        }
        throw InputRejectedException.of("region", "region.code.invalid", r);
    }
}
