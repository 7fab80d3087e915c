package org.yiyang.provider;

import java.util.Optional;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageResult;

/**
 * Reads provider organisations and facilities for other modules (dispatch, coverage, reporting)
 * and for the console and API. Every method applies a {@link DataScope} in SQL: a region scope
 * sees what is registered in its subtree, a provider (or one of its caregivers) its own
 * organisation and facilities, anybody else nothing. Out of scope looks exactly like absent.
 *
 * <p>The one-argument methods use the scope of the current user; background jobs pass the scope
 * they act for.
 */
public interface ProviderDirectory {

    Optional<ProviderOrganisation> findOrganisation(long id, DataScope scope);

    PageResult<ProviderOrganisation> organisations(ProviderQuery query, DataScope scope);

    Optional<Facility> findFacility(long id, DataScope scope);

    /** Facilities matching the query, each with its standard check; filterable by below-standard. */
    PageResult<Facility> facilities(FacilityQuery query, DataScope scope);

    default Optional<ProviderOrganisation> findOrganisation(long id) {
        return findOrganisation(id, CurrentUser.scope());
    }

    default PageResult<ProviderOrganisation> organisations(ProviderQuery query) {
        return organisations(query, CurrentUser.scope());
    }

    default Optional<Facility> findFacility(long id) {
        return findFacility(id, CurrentUser.scope());
    }

    default PageResult<Facility> facilities(FacilityQuery query) {
        return facilities(query, CurrentUser.scope());
    }

    /** Like {@link #findOrganisation(long)} but a 404 {@code provider.not-found} when absent or out of scope. */
    default ProviderOrganisation organisation(long id) {
        return findOrganisation(id).orElseThrow(() -> new NotFoundException("provider.not-found", id));
    }

    /** Like {@link #findFacility(long)} but a 404 {@code facility.not-found} when absent or out of scope. */
    default Facility facility(long id) {
        return findFacility(id).orElseThrow(() -> new NotFoundException("facility.not-found", id));
    }
}
