package org.yiyang.provider;

import java.time.LocalDate;

/**
 * The state of a caregiver's skill certificate on a given day: none recorded, valid, expiring
 * within {@value #WARNING_DAYS} days (the renewal warning), or expired (no longer qualifies).
 */
public enum CaregiverCertificateStatus {
    NONE, VALID, EXPIRING, EXPIRED;

    /** Days before the expiry date from which a certificate is shown as expiring. */
    public static final int WARNING_DAYS = 30;

    /**
     * A certificate is valid up to and including its expiry date; it is {@code EXPIRING} when the
     * expiry date is at most {@value #WARNING_DAYS} days after {@code today}.
     */
    public static CaregiverCertificateStatus of(LocalDate expiry, LocalDate today) {
        if (expiry == null) {
            return NONE;
        }
        if (expiry.isBefore(today)) {
            return EXPIRED;
        }
        if (!expiry.isAfter(today.plusDays(WARNING_DAYS))) {
            return EXPIRING;
        }
        return VALID;
    }

    /** Whether a caregiver with this certificate may still be given work. */
    public boolean qualifies() {
        return this == VALID || this == EXPIRING;
    }
}
