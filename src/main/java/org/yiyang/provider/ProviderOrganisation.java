package org.yiyang.provider;

import org.yiyang.shared.RegionCode;
import org.yiyang.shared.UnifiedSocialCreditCode;

/**
 * A provider organisation, identified by its unified social credit code (unique), registered in a
 * region (county or below). {@code facilityCount} counts its facilities the caller may see.
 */
public record ProviderOrganisation(long id, String name, UnifiedSocialCreditCode uscc, ProviderKind kind,
                                   RegionCode regionCode, String address, String contactName, String contactPhone,
                                   ProviderStatus status, int version, int facilityCount) {
}
