package org.yiyang.order;

/**
 * Where an order stands. CREATED means "awaiting dispatch" (also after a refusal or an expired
 * offer); OFFERED is an offer to one caregiver with an expiry; CANCELLED, EXPIRED and RATED are final.
 */
public enum OrderState {
    CREATED, OFFERED, ACCEPTED, EN_ROUTE, IN_SERVICE, COMPLETED, CONFIRMED, RATED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this == RATED || this == CANCELLED || this == EXPIRED;
    }

    /** A caregiver has taken the order and not finished yet. */
    public boolean isAssigned() {
        return this == ACCEPTED || this == EN_ROUTE || this == IN_SERVICE;
    }

    public String messageKey() {
        return "order.state." + name();
    }
}
