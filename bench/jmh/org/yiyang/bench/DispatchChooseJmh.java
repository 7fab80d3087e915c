package org.yiyang.bench;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yiyang.dispatch.CaregiverRatings;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.InMemoryCaregiverLoad;
import org.yiyang.dispatch.InMemoryServiceHistory;
import org.yiyang.dispatch.internal.CandidateIndex;
import org.yiyang.dispatch.internal.DispatchSettings;
import org.yiyang.dispatch.internal.IndexedCandidateChooser;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.StraightLineTravelTime;

/**
 * JMH: one {@code CandidateChooser.choose} among 800 and 20,000 caregivers spread over the demo
 * city's six county seats (issue 3 targets p99 &lt; 5 ms / &lt; 20 ms; bench/DispatchChooseBench.java
 * reports the percentiles, this the steady average and the sampled distribution).
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="DispatchChooseJmh"}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchChooseJmh {

    static final double[][] SEATS = {{35.7770, 115.0740}, {35.8853, 115.1040}, {36.0695, 115.2043}, {35.8519, 115.5043},
            {35.9696, 115.8717}, {35.7124, 115.0290}};
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final CaregiverSkill[] COMMON = {CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT,
            CaregiverSkill.BATHING, CaregiverSkill.NURSING};

    @Param({"800", "20000"})
    int caregivers;

    IndexedCandidateChooser chooser;
    List<DispatchRequest> requests;
    int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        InMemoryCaregiverLoad load = new InMemoryCaregiverLoad();
        List<CaregiverCandidate> all = new ArrayList<>();
        CaregiverWorkWindow weekdays = new CaregiverWorkWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(17, 0));
        for (int i = 1; i <= caregivers; i++) {
            Set<CaregiverSkill> skills = EnumSet.of(COMMON[random.nextInt(COMMON.length)], COMMON[random.nextInt(COMMON.length)]);
            LocalDate expiry = random.nextInt(100) < 8 ? MONDAY.minusDays(1) : MONDAY.plusDays(365);
            all.add(new CaregiverCandidate(i, 1 + random.nextInt(40), near(random), new RegionCode("410902001001"), skills,
                    expiry, weekdays, 6));
            if (random.nextInt(100) < 40) {
                load.add(i, MONDAY, random.nextInt(7));
            }
        }
        CandidateIndex index = new CandidateIndex(all, 1_000, Instant.EPOCH);
        InMemoryServiceHistory history = new InMemoryServiceHistory();
        requests = new ArrayList<>();
        for (int e = 1; e <= 2_000; e++) {
            history.served(e, 1 + random.nextInt(caregivers));
            int hour = 8 + random.nextInt(8);
            requests.add(DispatchRequest.inWindow(e, COMMON[random.nextInt(COMMON.length)], near(random), MONDAY,
                    LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0), 45));
        }
        Clock clock = Clock.fixed(MONDAY.atTime(8, 0).atZone(ZONE).toInstant(), ZONE);
        CaregiverRatings ratings = id -> 3.0 + (id % 21) / 10.0;
        chooser = new IndexedCandidateChooser(() -> index, StraightLineTravelTime.byEBike(), load, history, ratings,
                DispatchSettings.defaults(), clock);
    }

    static GeoPoint near(Random random) {
        double[] seat = SEATS[random.nextInt(100) < 40 ? 0 : random.nextInt(SEATS.length)];
        double km = Math.abs(random.nextGaussian()) * 5;
        double angle = random.nextDouble() * 2 * Math.PI;
        return new GeoPoint(seat[0] + km * Math.cos(angle) / 111.2, seat[1] + km * Math.sin(angle) / 90.0);
    }

    @Benchmark
    public DispatchResult choose() {
        DispatchRequest r = requests.get(next);
        next = (next + 1) % requests.size();
        return chooser.choose(r);
    }
}
