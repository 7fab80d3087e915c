package org.yiyang.coverage;

/**
 * A candidate site as typed into a form or sent by a client, not yet checked: numbers as text so
 * that a bad one is a field error like any other. {@code version} is the version the change was
 * made on (null: no check).
 */
public record ListedSiteDraft(String name, String address, String lat, String lng, String regionCode, String note,
                              String capacity, String floorAreaM2, Integer version) {
}
