package org.yiyang.provider;

/** Whether a caregiver can be given work: ACTIVE; ON_LEAVE for now; LEFT the provider (kept for history). */
public enum CaregiverStatus {
    ACTIVE, ON_LEAVE, LEFT
}
