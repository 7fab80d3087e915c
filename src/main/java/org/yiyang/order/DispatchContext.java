package org.yiyang.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.yiyang.shared.GeoPoint;

/**
 * What automatic dispatch needs to know about an order awaiting dispatch: the required skill (a
 * {@code CaregiverSkill} name, {@code null} when the service needs none), the elder, where, the
 * window ({@code null}/{@code null} for "as soon as possible"), the service's standard minutes,
 * the visit's {@code day} in the platform's time zone, the caregivers who already refused or let
 * an offer of this order expire, and {@code servedBy}: the caregivers who completed a visit to the
 * elder before (continuity of care; {@code null} when not looked up).
 */
public record DispatchContext(long orderId, String requiredSkill, long elderId, GeoPoint location,
                              Instant windowFrom, Instant windowTo, int standardMinutes, LocalDate day,
                              Set<Long> declinedBy, Set<Long> servedBy) {

    public DispatchContext {
        declinedBy = Set.copyOf(declinedBy);
        servedBy = servedBy == null ? null : Set.copyOf(servedBy);
    }

    public boolean asSoonAsPossible() {
        return windowFrom == null;
    }
}
