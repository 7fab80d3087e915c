package org.yiyang.provider.internal;

import java.time.LocalDate;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;

/**
 * What a caregiver list is filtered by; every field may be null. {@code q} matches a name or a
 * phone number; {@code regionPrefix} is the significant digits of a region code.
 */
public record CaregiverSearch(String q, Long providerId, CaregiverSkill skill, String regionPrefix,
                              CaregiverCertificateStatus certificateStatus, LocalDate certificateExpiringBefore,
                              CaregiverStatus status) {

    public static CaregiverSearch all() {
        return new CaregiverSearch(null, null, null, null, null, null, null);
    }
}
