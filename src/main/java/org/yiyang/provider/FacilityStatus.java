package org.yiyang.provider;

/** OPEN or CLOSED; closed facilities stay on record. */
public enum FacilityStatus {
    OPEN, CLOSED;

    public String messageKey() {
        return "facility.status." + name();
    }
}
