package org.yiyang.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's live board (调度台): the open orders in the caller's scope due within the next
 * 24 hours by column, at-risk ones first and then the oldest, at most {@code perColumn} each (the
 * counts are complete); how many orders were completed, cancelled or expired today; and how many
 * open bookings lie further ahead ({@code laterBookings}).
 */
public record OrderBoard(Instant at, Map<Column, Integer> counts, Map<Column, Integer> atRisk, Map<Column, List<Card>> columns,
                         int completedToday, int cancelledToday, int expiredToday, int laterBookings) {

    /** The board's columns, in the order work flows through them. */
    public enum Column {
        /** CREATED: waiting for a caregiver (including those nobody qualified for). */
        AWAITING,
        /** OFFERED: a caregiver has been asked. */
        OFFERED,
        /** ACCEPTED or EN_ROUTE: taken, not yet started. */
        ACCEPTED,
        /** IN_SERVICE: the caregiver is with the elder. */
        IN_SERVICE;

        public static Column of(OrderState state) {
            return switch (state) {
                case CREATED -> AWAITING;
                case OFFERED -> OFFERED;
                case ACCEPTED, EN_ROUTE -> ACCEPTED;
                case IN_SERVICE -> IN_SERVICE;
                default -> throw new IllegalArgumentException("not an open state: " + state);
            };
        }
    }

    /** Why an order needs the dispatcher's attention. */
    public enum Risk {
        /** Automatic dispatch found nobody. */
        UNASSIGNABLE,
        /** Not accepted within 10 minutes of being placed. */
        NOT_ACCEPTED,
        /** Not checked in 15 minutes after the window opened. */
        NOT_CHECKED_IN
    }

    /** One order on the board. */
    public record Card(long id, OrderState state, long elderId, String elderName, String regionCode, String address,
                       String serviceName, String requiredSkill, Instant placedAt, Instant windowFrom, Instant windowTo,
                       Long caregiverId, String caregiverName, Instant offerExpiresAt, Risk risk,
                       String unassignableZh, String unassignableEn) {

        public String unassignableReason(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? unassignableEn : unassignableZh;
        }
    }
}
