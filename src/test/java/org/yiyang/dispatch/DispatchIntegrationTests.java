package org.yiyang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverDirectory;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.StraightLineTravelTime;
import org.yiyang.shared.RegionLevel;

/** The chooser on the demo city: the pool is loaded through the caregiver directory and picks a real caregiver. */
@IntegrationTest
class DispatchIntegrationTests {

    @Autowired CandidateChooser chooser;
    @Autowired CandidatePool pool;
    @Autowired CaregiverDirectory directory;
    @Autowired RegionDirectory regions;
    @Autowired JdbcClient jdbc;

    private final LocalDate tuesday = LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai")))
            .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

    @Test
    void poolHoldsTheDemoCitysCaregiversFromTheDirectory() {
        pool.refresh();

        // every active caregiver of an active provider: the same people as "a candidate for some
        // skill on some day of the coming week", plus those whose certificate ran out (the chooser
        // needs them to say so when they are all that is left)
        Set<Long> expected = new HashSet<>(jdbc.sql("""
                select c.id from caregiver c join provider_org p on p.id = c.provider_id
                 where c.status = 'ACTIVE' and p.status = 'ACTIVE'
                """).query(Long.class).list());
        Set<Long> thisWeek = new HashSet<>();
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai")));
        for (CaregiverSkill skill : CaregiverSkill.values()) {
            for (int d = 0; d < 7; d++) {
                directory.candidatesFor(skill.name(), today.plusDays(d)).forEach(c -> thisWeek.add(c.id()));
            }
        }
        assertThat(thisWeek).hasSizeGreaterThan(500);
        assertThat(expected).containsAll(thisWeek);
        assertThat(pool.size()).isEqualTo(expected.size());
        assertThat(pool.loadedAt()).isAfter(java.time.Instant.now().minusSeconds(60));
    }

    @Test
    void choosesTheNearestMealCaregiverForARealElderInTheFirstCounty() {
        String county = regions.ofLevel(RegionLevel.COUNTY).getFirst().code().prefix();
        // The county's last elder: no other test orders for them, so no continuity tie-break applies.
        record Home(long elderId, GeoPoint point) {
        }
        Home home = jdbc.sql("""
                        select a.elder_id, a.lat, a.lng from elder_address a join elder e on e.id = a.elder_id
                         where a.region_code like :county order by a.id desc limit 1
                        """)
                .param("county", county + "%")
                .query((rs, i) -> new Home(rs.getLong("elder_id"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")))).single();
        GeoPoint elder = home.point();
        DispatchRequest request = DispatchRequest.inWindow(home.elderId(), CaregiverSkill.MEAL, elder, tuesday,
                LocalTime.of(10, 0), LocalTime.of(11, 0), 30);

        DispatchResult result = chooser.choose(request);

        assertThat(result).isInstanceOf(DispatchResult.Candidates.class);
        List<DispatchCandidate> ranked = ((DispatchResult.Candidates) result).ranked();
        // the same answer by brute force over the directory's MEAL caregivers for that day
        StraightLineTravelTime travel = StraightLineTravelTime.byEBike();
        List<Long> expected = directory.candidatesFor("MEAL", tuesday).stream()
                .filter(c -> c.home().distanceMeters(elder) <= 5_000)
                .filter(c -> !c.window().start().isAfter(LocalTime.of(10, 0)) && !c.window().end().isBefore(LocalTime.of(11, 0)))
                // other tests' orders may have been dispatched for that day: the full ones are out
                .filter(c -> ordersOn(c.id(), tuesday) < c.maxDailyOrders())
                .sorted(Comparator.comparingLong((CaregiverCandidate c) -> travel.seconds(c.home(), elder))
                        .thenComparingLong(c -> Math.round(c.home().distanceMeters(elder)))
                        .thenComparingLong(CaregiverCandidate::id))
                .map(CaregiverCandidate::id).limit(20).toList();
        assertThat(ranked.stream().map(DispatchCandidate::caregiverId).toList()).isEqualTo(expected);
        DispatchCandidate best = ranked.getFirst();
        assertThat(best.distanceMeters()).isLessThanOrEqualTo(5_000);
        assertThat(jdbc.sql("select count(*) from caregiver_skill where caregiver_id = ? and skill = 'MEAL'")
                .param(best.caregiverId()).query(Long.class).single()).isOne();
    }

    /** A caregiver's offered and taken orders on the day, counted the long way. */
    private int ordersOn(long caregiverId, java.time.LocalDate day) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                        select count(*) from service_order
                         where caregiver_id = :c and state not in ('CREATED', 'CANCELLED', 'EXPIRED')
                           and coalesce(window_from, placed_at) >= :from and coalesce(window_from, placed_at) < :to
                        """)
                .param("c", caregiverId)
                .param("from", java.sql.Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(Integer.class).single();
    }
}
