package org.yiyang.order.internal;

/**
 * Who acts on an order: the user, what kind of party they are, and for caregivers and providers
 * which one. Built from the logged-in user's role and scope.
 */
public record Actor(long userId, String username, Kind kind, Long caregiverId, Long providerId) {

    public enum Kind { OPERATOR, FAMILY, ELDER, CAREGIVER, PROVIDER, SYSTEM, SUPERVISOR, OTHER }

    public static Actor of(long userId, String username, Kind kind) {
        return new Actor(userId, username, kind, null, null);
    }

    public static Actor caregiver(long userId, String username, long caregiverId, long providerId) {
        return new Actor(userId, username, Kind.CAREGIVER, caregiverId, providerId);
    }
}
