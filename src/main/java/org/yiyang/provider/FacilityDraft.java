package org.yiyang.provider;

/**
 * A facility as typed into a form or an API body, not yet validated (numbers as text, so a bad
 * number is a field error like any other). Field names are those of the errors; the location's
 * errors are reported on {@code location}.
 */
public record FacilityDraft(String providerId, String name, String type, String regionCode, String address,
                            String lat, String lng, String floorAreaM2, String beds, String openingHours,
                            String phone, String status, Integer version) {
}
