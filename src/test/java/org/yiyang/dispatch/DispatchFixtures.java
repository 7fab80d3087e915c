package org.yiyang.dispatch;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yiyang.dispatch.internal.CandidateIndex;
import org.yiyang.dispatch.internal.DispatchSettings;
import org.yiyang.dispatch.internal.IndexedCandidateChooser;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.StraightLineTravelTime;
import org.yiyang.shared.RegionCode;

/** Caregivers placed north of an elder in 濮阳, on Monday 23 November 2026 at 08:30. */
final class DispatchFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Clock CLOCK = Clock.fixed(MONDAY.atTime(8, 30).atZone(ZONE).toInstant(), ZONE);
    static final GeoPoint ELDER = new GeoPoint(35.7618, 115.0292);
    static final long ELDER_ID = 7;
    static final CaregiverWorkWindow WEEKDAYS_8_TO_17 = new CaregiverWorkWindow(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0));

    private DispatchFixtures() {
    }

    /** The point {@code meters} north of the elder. */
    static GeoPoint north(double meters) {
        return new GeoPoint(ELDER.lat() + meters / 111_195.0, ELDER.lng());
    }

    /** A caregiver with BATHING and MEAL, a certificate valid for a year, weekdays 8–17, up to 6 orders. */
    static Caregiver caregiver(long id, double metersNorth) {
        return new Caregiver(id, north(metersNorth), EnumSet.of(CaregiverSkill.BATHING, CaregiverSkill.MEAL),
                MONDAY.plusYears(1), WEEKDAYS_8_TO_17, 6);
    }

    record Caregiver(long id, GeoPoint home, Set<CaregiverSkill> skills, LocalDate expiry, CaregiverWorkWindow window,
                     int maxDaily) {

        Caregiver skills(CaregiverSkill... s) {
            return new Caregiver(id, home, Set.of(s), expiry, window, maxDaily);
        }

        Caregiver expiring(LocalDate day) {
            return new Caregiver(id, home, skills, day, window, maxDaily);
        }

        Caregiver shift(Set<DayOfWeek> days, int fromHour, int toHour) {
            return new Caregiver(id, home, skills, expiry, new CaregiverWorkWindow(days, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)), maxDaily);
        }

        Caregiver maxDaily(int n) {
            return new Caregiver(id, home, skills, expiry, window, n);
        }

        CaregiverCandidate candidate() {
            return new CaregiverCandidate(id, 100 + id % 3, home, new RegionCode("410902001001"), skills, expiry, window, maxDaily);
        }
    }

    static CandidateChooser chooser(List<Caregiver> caregivers, CaregiverLoad load, ServiceHistory history,
                                    CaregiverRatings ratings, DispatchSettings settings) {
        CandidateIndex index = new CandidateIndex(caregivers.stream().map(Caregiver::candidate).toList(),
                settings.indexCellMeters(), Instant.EPOCH);
        return new IndexedCandidateChooser(() -> index, StraightLineTravelTime.byEBike(), load, history, ratings, settings, CLOCK);
    }

    static CandidateChooser chooser(Caregiver... caregivers) {
        return chooser(List.of(caregivers), new InMemoryCaregiverLoad(), new InMemoryServiceHistory(),
                CaregiverRatings.UNRATED, DispatchSettings.defaults());
    }

    /** Bathing (60 minutes) on Monday from 09:00 to 10:00. */
    static DispatchRequest bathingAt9() {
        return window(CaregiverSkill.BATHING, 9, 0, 10, 0, 60);
    }

    static DispatchRequest window(CaregiverSkill skill, int fromHour, int fromMinute, int toHour, int toMinute, int minutes) {
        return DispatchRequest.inWindow(ELDER_ID, skill, ELDER, MONDAY, LocalTime.of(fromHour, fromMinute),
                LocalTime.of(toHour, toMinute), minutes);
    }

    static List<Long> ids(DispatchResult result) {
        if (result instanceof DispatchResult.Candidates c) {
            return c.ranked().stream().map(DispatchCandidate::caregiverId).toList();
        }
        return List.of();
    }
}
