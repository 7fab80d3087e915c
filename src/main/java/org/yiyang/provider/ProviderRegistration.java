package org.yiyang.provider;

/**
 * Creates and changes organisations and facilities. Needs {@code Authorities.PROVIDER_EDIT}; a
 * bureau user works within its region, a provider manager only on its own organisation and its
 * facilities (and cannot register organisations). Bad input is an
 * {@link org.yiyang.shared.InputRejectedException} with every field error and nothing stored; a
 * record out of scope is a 404; a stale version a 409.
 */
public interface ProviderRegistration {

    long registerOrganisation(OrganisationDraft draft);

    void updateOrganisation(long id, OrganisationDraft draft);

    long registerFacility(FacilityDraft draft);

    void updateFacility(long id, FacilityDraft draft);
}
