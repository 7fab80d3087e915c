package org.yiyang.provider.internal;

import java.time.LocalDate;
import java.util.Set;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.CaregiverLevel;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Sex;

/** A caregiver as stored, with the provider's name, for lists, the record page and the API. */
public record CaregiverDetails(long id, long providerId, String providerName, String name, PhoneNumber phone,
                               String idNumberMasked, Sex sex, Set<CaregiverSkill> skills, String certificateNo,
                               CaregiverLevel certificateLevel, LocalDate certificateExpiry, GeoPoint home,
                               RegionCode regionCode, CaregiverWorkWindow window, int maxDailyOrders,
                               CaregiverStatus status, int version) {

    public CaregiverCertificateStatus certificateStatus(LocalDate today) {
        return CaregiverCertificateStatus.of(certificateExpiry, today);
    }
}
