import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.yiyang.coverage.internal.CircleRules;
import org.yiyang.coverage.internal.CoverageIndex;
import org.yiyang.coverage.internal.CoverageIndex.ElderPoint;
import org.yiyang.coverage.internal.CoverageIndex.SitePoint;
import org.yiyang.coverage.internal.CoverageTally;
import org.yiyang.coverage.internal.StraightLineWalk;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;

/**
 * Coverage of 300,000 elders against 2,000 facilities (issue 5: under 2 s), in process against
 * target/classes, no database. The city is shaped like the demo city (濮阳, six county seats;
 * communities 0.6–5 km from a seat, villages 5–16 km; elders within 400 m of their community's
 * centre, a quarter of the communities villages), facilities of the six types near communities.
 * Measures the full computation (index build + every facility over the elders near it), a
 * city-level tally by county, and incremental updates (a facility placed, an elder moved).
 * Run by bench/coverage.sh; prints Markdown tables.
 */
public class CoverageBench {

    record Seat(double lat, double lng, int weight, String code) {
    }

    static final List<Seat> SEATS = List.of(new Seat(35.7770, 115.0740, 40, "410902"), new Seat(35.8853, 115.1040, 12, "410922"),
            new Seat(36.0695, 115.2043, 12, "410923"), new Seat(35.8519, 115.5043, 12, "410926"),
            new Seat(35.9696, 115.8717, 10, "410927"), new Seat(35.7124, 115.0290, 14, "410928"));

    record Community(String code, GeoPoint centre, boolean village) {
    }

    public static void main(String[] args) {
        int elders = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int facilities = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version"));
        Random random = new Random(20261122L);
        List<Community> communities = communities(random, 1_200);
        List<ElderPoint> people = new ArrayList<>(elders);
        for (int i = 0; i < elders; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            people.add(new ElderPoint(i + 1, c.code(), near(random, c.centre(), 400), c.village(), 1 + random.nextInt(3) * 0.5));
        }
        List<SitePoint> sites = new ArrayList<>(facilities);
        FacilityType[] types = FacilityType.values();
        for (int i = 0; i < facilities; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            sites.add(new SitePoint(1_000_000 + i, types[random.nextInt(types.length)], near(random, c.centre(), 500)));
        }
        CircleRules rules = new CircleRules(4.5, 15, 1000);
        StraightLineWalk walk = new StraightLineWalk(1.3, 4.5);

        System.out.println();
        System.out.println("| run | elders | facilities | load ms | compute ms | load + compute ms | tally by county ms | covered (any type) | covered (community station) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        CoverageIndex index = null;
        long[] totals = new long[runs];
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            index = new CoverageIndex(walk, rules, 35.8);
            for (ElderPoint p : people) index.loadElder(p);
            for (SitePoint s : sites) index.loadSite(s);
            long t1 = System.nanoTime();
            index.computeAll();
            long t2 = System.nanoTime();
            CoverageTally any = CoverageTally.of(index, "4109", 6, CoverageIndex.anyType());
            CoverageTally station = CoverageTally.of(index, "4109", 6, CoverageIndex.bit(FacilityType.COMMUNITY_STATION));
            long t3 = System.nanoTime();
            totals[run] = (t2 - t0) / 1_000_000;
            System.out.printf("| %d | %,d | %,d | %d | %d | %d | %.1f | %.1f%% | %.1f%% |%n", run + 1, index.elderCount(), index.siteCount(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000, (t3 - t2) / 2e6,
                    any.total().share() * 100, station.total().share() * 100);
        }
        long[] sorted = totals.clone();
        Arrays.sort(sorted);
        System.out.println();
        System.out.println("Median load + compute: " + sorted[sorted.length / 2] + " ms");

        int samples = 2_000;
        long[] siteMicros = new long[samples];
        long[] elderMicros = new long[samples];
        long affected = 0;
        for (int i = 0; i < samples; i++) {
            Community c = communities.get(random.nextInt(communities.size()));
            SitePoint moved = new SitePoint(1_000_000 + random.nextInt(facilities), types[random.nextInt(types.length)],
                    near(random, c.centre(), 500));
            long t = System.nanoTime();
            affected += index.putSite(moved);
            siteMicros[i] = (System.nanoTime() - t) / 1_000;
            Community d = communities.get(random.nextInt(communities.size()));
            ElderPoint e = new ElderPoint(1 + random.nextInt(elders), d.code(), near(random, d.centre(), 400), d.village(), 1);
            t = System.nanoTime();
            index.putElder(e);
            elderMicros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(siteMicros);
        Arrays.sort(elderMicros);
        System.out.println();
        System.out.println("| incremental update (" + samples + " each) | p50 µs | p99 µs | max µs | elders recomputed (mean) |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| a facility moves or changes type | %d | %d | %d | %d |%n", siteMicros[samples / 2],
                siteMicros[samples * 99 / 100], siteMicros[samples - 1], affected / samples);
        System.out.printf("| an elder moves | %d | %d | %d | 1 |%n", elderMicros[samples / 2],
                elderMicros[samples * 99 / 100], elderMicros[samples - 1]);
    }

    static List<Community> communities(Random random, int n) {
        int total = SEATS.stream().mapToInt(Seat::weight).sum();
        List<Community> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(total);
            Seat seat = SEATS.getLast();
            for (Seat s : SEATS) {
                if (pick < s.weight()) { seat = s; break; }
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
