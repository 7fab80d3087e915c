package org.yiyang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.yiyang.coverage.internal.CircleRules;
import org.yiyang.coverage.internal.CoverageIndex;
import org.yiyang.coverage.internal.CoverageIndex.ElderPoint;
import org.yiyang.coverage.internal.CoverageIndex.SitePoint;
import org.yiyang.coverage.internal.CoverageTally;
import org.yiyang.coverage.internal.StraightLineWalk;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;

/**
 * JMH: the coverage index after it is built (issue 5) — the incremental updates the platform makes
 * when a facility is placed or moved and when an elder moves, and a city-wide tally by county of the
 * elders within a service circle. The city is bench/CoverageBench.java's (six county seats, 1,200
 * communities of which a quarter villages 5–16 km out, elders within 400 m of their community's
 * centre, 2,000 facilities of the six types), straight line × 1.3 at 4.5 km/h, 15 minutes in towns,
 * 1 km in villages; built once per fork (the full build and computation are what
 * {@code bench/coverage.sh} times). The index classes are public in {@code coverage.internal}.
 * {@code bench/jmh.sh CoverageJmh}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class CoverageJmh {

    record Seat(double lat, double lng, int weight, String code) {
    }

    record Community(String code, GeoPoint centre, boolean village) {
    }

    static final List<Seat> SEATS = List.of(new Seat(35.7770, 115.0740, 40, "410902"), new Seat(35.8853, 115.1040, 12, "410922"),
            new Seat(36.0695, 115.2043, 12, "410923"), new Seat(35.8519, 115.5043, 12, "410926"),
            new Seat(35.9696, 115.8717, 10, "410927"), new Seat(35.7124, 115.0290, 14, "410928"));

    @Param({"300000"})
    int elders;

    @Param({"2000"})
    int facilities;

    CoverageIndex index;
    List<SitePoint> siteMoves;
    List<ElderPoint> elderMoves;
    int nextSite;
    int nextElder;

    @Setup
    public void setUp() {
        Random random = new Random(20261122L);
        List<Community> communities = communities(random, 1_200);
        index = new CoverageIndex(new StraightLineWalk(1.3, 4.5), new CircleRules(4.5, 15, 1000), 35.8);
        for (int i = 0; i < elders; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            index.loadElder(new ElderPoint(i + 1, c.code(), near(random, c.centre(), 400), c.village(), 1 + random.nextInt(3) * 0.5));
        }
        FacilityType[] types = FacilityType.values();
        for (int i = 0; i < facilities; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            index.loadSite(new SitePoint(1_000_000 + i, types[random.nextInt(types.length)], near(random, c.centre(), 500)));
        }
        index.computeAll();
        siteMoves = new ArrayList<>();
        elderMoves = new ArrayList<>();
        for (int i = 0; i < 4_096; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            siteMoves.add(new SitePoint(1_000_000 + random.nextInt(facilities), types[random.nextInt(types.length)], near(random, c.centre(), 500)));
            Community d = communities.get(random.nextInt(communities.size()));
            elderMoves.add(new ElderPoint(1 + random.nextInt(elders), d.code(), near(random, d.centre(), 400), d.village(), 1));
        }
    }

    /** A facility is placed somewhere else or changes type: the elders near its old and new place are recomputed. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public int facilityMoves() {
        SitePoint s = siteMoves.get(nextSite);
        nextSite = (nextSite + 1) & 4_095;
        return index.putSite(s);
    }

    /** An elder moves house: their coverage is recomputed against the facilities near the new address. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public int elderMoves() {
        ElderPoint e = elderMoves.get(nextElder);
        nextElder = (nextElder + 1) & 4_095;
        index.putElder(e);
        return index.mask(e.id());
    }

    /** The city's elders within reach of any facility, counted per county (the coverage report's numbers). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CoverageTally tallyByCounty() {
        return CoverageTally.of(index, "4109", 6, CoverageIndex.anyType());
    }

    /** The same for one facility type (community stations). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CoverageTally tallyOneTypeByCounty() {
        return CoverageTally.of(index, "4109", 6, CoverageIndex.bit(FacilityType.COMMUNITY_STATION));
    }

    static List<Community> communities(Random random, int n) {
        int total = SEATS.stream().mapToInt(Seat::weight).sum();
        List<Community> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(total);
            Seat seat = SEATS.getLast();
            for (Seat s : SEATS) {
                if (pick < s.weight()) {
                    seat = s;
                    break;
                }
                pick -= s.weight();
            }
            boolean village = random.nextInt(4) == 0;
            GeoPoint centre = village ? ring(random, new GeoPoint(seat.lat(), seat.lng()), 5_000, 16_000)
                    : ring(random, new GeoPoint(seat.lat(), seat.lng()), 600, 5_000);
            String code = seat.code() + String.format("%03d%03d", village ? 101 + i % 50 : 1 + i % 90, village ? 201 + i % 99 : 1 + i % 150);
            list.add(new Community(code, centre, village));
        }
        return list;
    }

    static GeoPoint ring(Random random, GeoPoint c, double min, double max) {
        double r = min + random.nextDouble() * (max - min);
        double theta = random.nextDouble() * 2 * Math.PI;
        return new GeoPoint(c.lat() + r * Math.cos(theta) / 111_320.0,
                c.lng() + r * Math.sin(theta) / (111_320.0 * Math.cos(Math.toRadians(c.lat()))));
    }

    static GeoPoint near(Random random, GeoPoint c, double radius) {
        double r = radius * Math.sqrt(random.nextDouble());
        double theta = random.nextDouble() * 2 * Math.PI;
        return new GeoPoint(c.lat() + r * Math.cos(theta) / 111_320.0,
                c.lng() + r * Math.sin(theta) / (111_320.0 * Math.cos(Math.toRadians(c.lat()))));
    }
}
