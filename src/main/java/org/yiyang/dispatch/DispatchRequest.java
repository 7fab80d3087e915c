package org.yiyang.dispatch;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.shared.GeoPoint;

/**
 * What the caregiver is chosen for: a service needing {@code skill} ({@code null} when the service
 * needs none) at the elder's {@code location} on {@code day}, either in a window from
 * {@code windowStart} to {@code windowEnd} or, with both null, as soon as possible (then {@code day}
 * must be today). {@code standardMinutes} is the service item's standard duration.
 * {@code excludedCaregivers} are those who already refused or let the offer expire (redispatch).
 * {@code servedBefore} are the caregivers who visited the elder before (continuity of care), when
 * the caller already knows them; {@code null} lets the chooser look them up.
 *
 * <p>A caregiver qualifies for a window only when on duty for all of it (the elder may expect them
 * at any moment of it) and, when the window is shorter than the service, until the service ends.
 */
public record DispatchRequest(long elderId, CaregiverSkill skill, GeoPoint location, LocalDate day,
                              LocalTime windowStart, LocalTime windowEnd, int standardMinutes,
                              Set<Long> excludedCaregivers, Set<Long> servedBefore) {

    public DispatchRequest(long elderId, CaregiverSkill skill, GeoPoint location, LocalDate day, LocalTime windowStart,
                           LocalTime windowEnd, int standardMinutes, Set<Long> excludedCaregivers) {
        this(elderId, skill, location, day, windowStart, windowEnd, standardMinutes, excludedCaregivers, null);
    }

    public DispatchRequest {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(day, "day");
        if ((windowStart == null) != (windowEnd == null)) {
            throw new IllegalArgumentException("a window needs a start and an end (or neither, for as soon as possible)");
        }
        if (windowStart != null && !windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("window start must be before its end: " + windowStart + "-" + windowEnd);
        }
        if (standardMinutes < 1 || standardMinutes > 24 * 60) {
            throw new IllegalArgumentException("standard minutes must be 1-1440: " + standardMinutes);
        }
        excludedCaregivers = excludedCaregivers == null ? Set.of() : Set.copyOf(excludedCaregivers);
        servedBefore = servedBefore == null ? null : Set.copyOf(servedBefore);
    }

    /** A visit in a window on a day. */
    public static DispatchRequest inWindow(long elderId, CaregiverSkill skill, GeoPoint location, LocalDate day,
                                           LocalTime windowStart, LocalTime windowEnd, int standardMinutes) {
        return new DispatchRequest(elderId, skill, location, day, windowStart, windowEnd, standardMinutes, Set.of());
    }

    /** A visit as soon as possible ({@code today} in the platform's time zone). */
    public static DispatchRequest asap(long elderId, CaregiverSkill skill, GeoPoint location, LocalDate today,
                                       int standardMinutes) {
        return new DispatchRequest(elderId, skill, location, today, null, null, standardMinutes, Set.of());
    }

    /**
     * The request for an order awaiting dispatch: its window in the platform's time zone (a window
     * running past midnight counts until the end of its first day), without those who declined it.
     */
    public static DispatchRequest forOrder(org.yiyang.order.DispatchContext ctx, java.time.ZoneId zone) {
        CaregiverSkill skill = CaregiverSkill.find(ctx.requiredSkill()).orElse(null);
        if (ctx.asSoonAsPossible()) {
            return asap(ctx.elderId(), skill, ctx.location(), ctx.day(), ctx.standardMinutes()).excluding(ctx.declinedBy())
                    .servedBefore(ctx.servedBy());
        }
        java.time.ZonedDateTime from = ctx.windowFrom().atZone(zone);
        java.time.ZonedDateTime to = ctx.windowTo().atZone(zone);
        LocalDate day = from.toLocalDate();
        LocalTime start = from.toLocalTime();
        LocalTime end = to.toLocalDate().equals(day) ? to.toLocalTime() : LocalTime.MAX;
        if (!start.isBefore(end)) {
            end = LocalTime.MAX;
        }
        return inWindow(ctx.elderId(), skill, ctx.location(), day, start, end, ctx.standardMinutes()).excluding(ctx.declinedBy())
                .servedBefore(ctx.servedBy());
    }

    /** The same request without the caregivers who refused or let the offer expire. */
    public DispatchRequest excluding(Set<Long> caregiverIds) {
        java.util.Set<Long> all = new java.util.HashSet<>(excludedCaregivers);
        all.addAll(caregiverIds);
        return new DispatchRequest(elderId, skill, location, day, windowStart, windowEnd, standardMinutes, all, servedBefore);
    }

    /** The same request knowing who served the elder before ({@code null}: unknown). */
    public DispatchRequest servedBefore(Set<Long> caregiverIds) {
        return new DispatchRequest(elderId, skill, location, day, windowStart, windowEnd, standardMinutes, excludedCaregivers,
                caregiverIds);
    }

    public boolean asSoonAsPossible() {
        return windowStart == null;
    }
}
