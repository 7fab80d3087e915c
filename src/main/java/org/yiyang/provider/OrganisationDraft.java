package org.yiyang.provider;

/**
 * An organisation as typed into a form or an API body, not yet validated. {@code version} (optional
 * on update) guards against overwriting someone else's change. Field names are those of the errors.
 */
public record OrganisationDraft(String name, String uscc, String kind, String regionCode, String address,
                                String contactName, String contactPhone, String status, Integer version) {
}
