package org.yiyang.provider.internal;

/** A provider organisation to pick from in caregiver filters and forms. {@code regionCode} may be null. */
public record CaregiverProviderOption(long id, String name, String regionCode) {
}
