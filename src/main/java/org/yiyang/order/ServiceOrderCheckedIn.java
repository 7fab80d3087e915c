package org.yiyang.order;

/** Module event: a service order caregiver checked in (ids only; read the order for details). */
public record ServiceOrderCheckedIn(long orderId, long caregiverId, int distanceMeters, boolean outsideGeofence) {
}
