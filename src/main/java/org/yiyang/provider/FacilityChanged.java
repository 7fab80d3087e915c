package org.yiyang.provider;

/**
 * Published after a facility was registered or changed (location, type, size, status …). Modules
 * that keep something per facility (coverage) read it again through {@link ProviderDirectory}.
 */
public record FacilityChanged(long facilityId) {
}
