package org.yiyang.provider.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.internal.CaregiverDetails;
import org.yiyang.shared.GeoPoint;

/**
 * A caregiver in the API. {@code phone} (the whole number) is present on the single-record read
 * for callers allowed to see it; lists carry only {@code phoneMasked}. The ID number is only ever
 * kept masked. Shift times are "HH:mm", working days ISO numbers (Monday = 1).
 */
record CaregiverJson(long id, long providerId, String providerName, String name, String phone, String phoneMasked,
                     String idNumberMasked, String sex, List<String> skills, CaregiverCertificate certificate, GeoPoint home,
                     String regionCode, List<Integer> workDays, String workStart, String workEnd,
                     int maxDailyOrders, String status, int version) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    record CaregiverCertificate(String number, String level, LocalDate expiry, CaregiverCertificateStatus status) {
    }

    static CaregiverJson of(CaregiverDetails c, LocalDate today, boolean wholePhone) {
        return new CaregiverJson(c.id(), c.providerId(), c.providerName(), c.name(),
                wholePhone && c.phone() != null ? c.phone().value() : null,
                c.phone() == null ? null : c.phone().masked(), c.idNumberMasked(),
                c.sex() == null ? null : c.sex().name(),
                c.skills().stream().map(Enum::name).toList(),
                new CaregiverCertificate(c.certificateNo(), c.certificateLevel() == null ? null : c.certificateLevel().name(),
                        c.certificateExpiry(), c.certificateStatus(today)),
                c.home(), c.regionCode().value(),
                c.window().days().stream().sorted().map(d -> d.getValue()).toList(),
                c.window().start().format(HH_MM), c.window().end().format(HH_MM), c.maxDailyOrders(), c.status().name(), c.version());
    }
}
