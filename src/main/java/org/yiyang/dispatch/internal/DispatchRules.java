package org.yiyang.dispatch.internal;

import java.time.LocalDate;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverWorkWindow;

/**
 * The dispatch rules, one small method each (the ranking rules are in {@link CandidateRanking}).
 * A caregiver is a candidate when all of them hold.
 */
public final class DispatchRules {

    private DispatchRules() {
    }

    /** Qualified for the service: has its skill (a service that needs no skill, {@code null}, anyone may do). */
    public static boolean hasSkill(CaregiverCandidate caregiver, CaregiverSkill required) {
        return required == null || caregiver.skills().contains(required);
    }

    /** The certificate is valid on the day of the visit (up to and including its expiry day). */
    public static boolean certificateValidOn(CaregiverCandidate caregiver, LocalDate day) {
        return CaregiverCertificateStatus.of(caregiver.certificateExpiry(), day).qualifies();
    }

    /**
     * Works that day and is on duty from {@code fromSecond} to {@code toSecond} (seconds of the day;
     * past midnight is never on duty, shifts end the same day).
     */
    public static boolean worksInWindow(CaregiverCandidate caregiver, LocalDate day, int fromSecond, int toSecond) {
        CaregiverWorkWindow window = caregiver.window();
        return window.worksOn(day)
                && fromSecond < toSecond
                && fromSecond >= window.start().toSecondOfDay()
                && toSecond <= window.end().toSecondOfDay();
    }

    /** Within the dispatch radius (straight line). */
    public static boolean withinRadius(double distanceMeters, double maxRadiusMeters) {
        return distanceMeters <= maxRadiusMeters;
    }

    /** Has fewer orders that day than the most they take. */
    public static boolean notOverloaded(int ordersThatDay, int maxDailyOrders) {
        return ordersThatDay < maxDailyOrders;
    }
}
