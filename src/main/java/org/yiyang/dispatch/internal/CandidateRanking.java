package org.yiyang.dispatch.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yiyang.dispatch.CandidateReason;
import org.yiyang.dispatch.CaregiverRatings;
import org.yiyang.dispatch.DispatchCandidate;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverCertificateStatus;

/**
 * The ranking rules: by travel time; candidates whose travel times are within the tie tolerance of
 * the fastest of their group form a tie band, ordered by continuity (served this elder before)
 * first and rating second. Bands are formed greedily from the fastest, so the order is total and
 * deterministic (travel time, then caregiver id, settle what is left).
 */
public final class CandidateRanking {

    /** A caregiver who passed the rules, with travel and load. */
    public record Qualified(CaregiverCandidate caregiver, long distanceMeters, long travelSeconds, int load) {
    }

    private record Scored(Qualified q, boolean servedBefore, double rating, EnumSet<CandidateReason> reasons) {
    }

    private static final Comparator<Scored> BY_TRAVEL = Comparator.<Scored>comparingLong(s -> s.q().travelSeconds())
            .thenComparingLong(s -> s.q().distanceMeters())
            .thenComparingLong(s -> s.q().caregiver().id());

    private static final Comparator<Scored> WITHIN_TIE = Comparator.comparing(CandidateRanking::continuity)
            .thenComparing(CandidateRanking::betterRating)
            .thenComparing(BY_TRAVEL);

    private CandidateRanking() {
    }

    /** Ties go to the caregiver who served the elder before. */
    static int continuity(Scored s) {
        return s.servedBefore() ? 0 : 1;
    }

    /** Then to the better rated. */
    static double betterRating(Scored s) {
        return -s.rating();
    }

    /** Ranks the qualified caregivers, best first, at most {@code limit}. */
    public static List<DispatchCandidate> rank(List<Qualified> qualified, Set<Long> servedBefore, CaregiverRatings ratings,
                                               Duration tieTolerance, LocalDate day, int limit) {
        List<Scored> scored = new ArrayList<>(qualified.size());
        for (Qualified q : qualified) {
            long id = q.caregiver().id();
            EnumSet<CandidateReason> reasons = EnumSet.noneOf(CandidateReason.class);
            boolean served = servedBefore.contains(id);
            if (served) {
                reasons.add(CandidateReason.SERVED_BEFORE);
            }
            if (CaregiverCertificateStatus.of(q.caregiver().certificateExpiry(), day) == CaregiverCertificateStatus.EXPIRING) {
                reasons.add(CandidateReason.CERTIFICATE_EXPIRING);
            }
            scored.add(new Scored(q, served, ratings.ratingOf(id), reasons));
        }
        scored.sort(BY_TRAVEL);
        if (scored.isEmpty()) {
            return List.of();
        }
        long fastest = scored.getFirst().q().travelSeconds();
        long tolerance = tieTolerance.toSeconds();
        for (int i = 0; i < scored.size(); ) {
            long bandStart = scored.get(i).q().travelSeconds();
            int j = i + 1;
            while (j < scored.size() && scored.get(j).q().travelSeconds() - bandStart <= tolerance) {
                j++;
            }
            if (j - i > 1) {
                scored.subList(i, j).sort(WITHIN_TIE);
                for (int k = i; k < j; k++) {
                    scored.get(k).reasons().add(CandidateReason.TIED);
                }
            }
            i = j;
        }
        List<DispatchCandidate> ranked = new ArrayList<>(Math.min(limit, scored.size()));
        for (Scored s : scored) {
            if (ranked.size() == limit) {
                break;
            }
            if (s.q().travelSeconds() == fastest) {
                s.reasons().add(CandidateReason.NEAREST);
            }
            CaregiverCandidate c = s.q().caregiver();
            ranked.add(new DispatchCandidate(c.id(), c.providerId(), c.home(), s.q().travelSeconds(),
                    s.q().distanceMeters(), s.q().load(), c.maxDailyOrders(), s.rating(), s.reasons()));
        }
        return ranked;
    }
}
