package org.yiyang.provider.internal;

import java.util.List;

/**
 * A caregiver as a user or a system typed it, before validation: text as entered, so that every
 * mistake becomes a field error rather than a binding failure. Field names in errors are the ones
 * of this record. {@code idNumber} is the whole ID number; only its masked form is kept, and a
 * blank one on update keeps the masked number already stored. Blank {@code homeLat}/{@code homeLng}
 * place the home base at the community's centroid.
 */
public record CaregiverInput(String providerId, String name, String phone, String idNumber, String sex,
                             List<String> skills, String certificateNo, String certificateLevel,
                             String certificateExpiry, String homeLat, String homeLng, String regionCode,
                             List<String> workDays, String workStart, String workEnd, String maxDailyOrders,
                             String status) {
}
