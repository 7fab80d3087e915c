package org.yiyang.provider.web;

import java.util.List;
import org.yiyang.provider.internal.CaregiverInput;

/**
 * A caregiver to create or replace (PUT). {@code idNumber} is the whole ID number (only its masked
 * form is kept; omit it on PUT to keep the stored one). {@code home} may be omitted: the home base
 * is then the community's centroid. Times are "HH:mm"; {@code workDays} are ISO numbers (Monday = 1).
 * Field errors name the fields of this body, with {@code homeLat}/{@code homeLng} for {@code home}.
 * On PUT, {@code version} (from the record as read) makes a concurrent change a 409
 * {@code caregiver.changed}; omit it to overwrite.
 */
record CaregiverRequest(Long providerId, String name, String phone, String idNumber, String sex, List<String> skills,
                        String certificateNo, String certificateLevel, String certificateExpiry, CaregiverHome home,
                        String regionCode, List<Integer> workDays, String workStart, String workEnd,
                        Integer maxDailyOrders, String status, Integer version) {

    record CaregiverHome(Double lat, Double lng) {
    }

    CaregiverInput toInput() {
        return new CaregiverInput(str(providerId), name, phone, idNumber, sex, skills, certificateNo, certificateLevel,
                certificateExpiry, home == null ? null : str(home.lat()), home == null ? null : str(home.lng()),
                regionCode, workDays == null ? null : workDays.stream().map(CaregiverRequest::str).toList(),
                workStart, workEnd, str(maxDailyOrders), status);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
