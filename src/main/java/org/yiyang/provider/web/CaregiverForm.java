package org.yiyang.provider.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.yiyang.provider.internal.CaregiverDetails;
import org.yiyang.provider.internal.CaregiverInput;

/** The console's caregiver form: text as typed, checkboxes as lists. */
record CaregiverForm(String providerId, String name, String phone, String idNumber, String sex, List<String> skills,
                     String certificateNo, String certificateLevel, String certificateExpiry, String homeLat,
                     String homeLng, String regionCode, List<String> workDays, String workStart, String workEnd,
                     String maxDailyOrders, String status, String version) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    CaregiverForm {
        skills = skills == null ? List.of() : skills;
        workDays = workDays == null ? List.of() : workDays;
    }

    static CaregiverForm empty(Long providerId) {
        return new CaregiverForm(providerId == null ? "" : providerId.toString(), "", "", "", "", List.of(), "", "", "",
                "", "", "", List.of("1", "2", "3", "4", "5"), "08:00", "17:00", "8", "ACTIVE", "");
    }

    static CaregiverForm of(CaregiverDetails c) {
        return new CaregiverForm(String.valueOf(c.providerId()), c.name(), c.phone() == null ? "" : c.phone().value(), "",
                c.sex() == null ? "" : c.sex().name(), c.skills().stream().map(Enum::name).toList(),
                nz(c.certificateNo()), c.certificateLevel() == null ? "" : c.certificateLevel().name(),
                c.certificateExpiry() == null ? "" : c.certificateExpiry().toString(),
                String.valueOf(c.home().lat()), String.valueOf(c.home().lng()), c.regionCode().value(),
                c.window().days().stream().sorted().map(d -> String.valueOf(d.getValue())).toList(),
                c.window().start().format(HH_MM), c.window().end().format(HH_MM),
                String.valueOf(c.maxDailyOrders()), c.status().name(), String.valueOf(c.version()));
    }

    CaregiverInput toInput() {
        return new CaregiverInput(providerId, name, phone, idNumber, sex, skills, certificateNo, certificateLevel,
                certificateExpiry, homeLat, homeLng, regionCode, workDays, workStart, workEnd, maxDailyOrders, status);
    }

    /** The version the form was opened with; null when absent or unreadable (then no check). */
    Integer expectedVersion() {
        try {
            return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
