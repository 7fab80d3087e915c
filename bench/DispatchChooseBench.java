import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yiyang.dispatch.CaregiverRatings;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.InMemoryCaregiverLoad;
import org.yiyang.dispatch.InMemoryServiceHistory;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.shared.StraightLineTravelTime;
import org.yiyang.dispatch.internal.CandidateIndex;
import org.yiyang.dispatch.internal.DispatchSettings;
import org.yiyang.dispatch.internal.IndexedCandidateChooser;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/**
 * Latency of one CandidateChooser.choose call (issue 3: p99 < 5 ms among 800 caregivers, < 20 ms
 * among 20,000), in process, single thread, after a warm-up. Caregivers and requests are generated
 * over the demo city (濮阳, "1+6": six county seats, homes 0–16 km from a seat, most in 华龙区) with
 * a fixed seed; skills, certificates (8% expired), shifts, loads and service history like the demo
 * data. Run by bench/dispatch-choose.sh; prints a Markdown table.
 */
public class DispatchChooseBench {

    record Seat(double lat, double lng, int weight) {
    }

    static final List<Seat> SEATS = List.of(new Seat(35.7770, 115.0740, 40), new Seat(35.8853, 115.1040, 12),
            new Seat(36.0695, 115.2043, 12), new Seat(35.8519, 115.5043, 12), new Seat(35.9696, 115.8717, 10),
            new Seat(35.7124, 115.0290, 14));

    static final CaregiverSkill[] COMMON = {CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT,
            CaregiverSkill.BATHING, CaregiverSkill.NURSING, CaregiverSkill.MOBILITY, CaregiverSkill.ERRAND};

    static final CaregiverWorkWindow[] SHIFTS = {
            window("1,2,3,4,5", 8, 17), window("1,2,3,4,5,6", 7, 19), window("1,2,3,4,5", 9, 18),
            window("6,7", 8, 18), window("2,3,4,5,6", 8, 17), window("1,2,3,4,5,6,7", 7, 15)};
    static final int[] SHIFT_PERCENT = {40, 25, 10, 10, 10, 5};

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version"));
        System.out.println();
        System.out.println("| caregivers | index build ms | samples | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | no candidate | mean candidates |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : new int[] {800, 20_000}) {
            run(n, samples, false);
        }
        for (int n : new int[] {800, 20_000}) {
            run(n, samples, true);
        }
        System.out.println();
        System.out.println("Rows marked \"nobody\": every request 40 km outside the city, so nobody qualifies and the chooser");
        System.out.println("scans the whole snapshot to say which filter eliminated the last caregivers (the worst case).");
    }

    static void run(int caregiverCount, int samples, boolean nobody) {
        Random random = new Random(20261122L + caregiverCount);
        List<CaregiverCandidate> caregivers = new ArrayList<>(caregiverCount);
        InMemoryCaregiverLoad load = new InMemoryCaregiverLoad();
        for (int i = 1; i <= caregiverCount; i++) {
            GeoPoint home = near(random, seat(random));
            EnumSet<CaregiverSkill> skills = EnumSet.noneOf(CaregiverSkill.class);
            int skillCount = 1 + random.nextInt(4);
            while (skills.size() < skillCount) {
                skills.add(random.nextInt(10) < 8 ? COMMON[random.nextInt(COMMON.length)]
                        : CaregiverSkill.values()[random.nextInt(CaregiverSkill.values().length)]);
            }
            int draw = random.nextInt(100);
            LocalDate expiry = draw < 8 ? MONDAY.minusDays(1 + random.nextInt(300))
                    : draw < 13 ? MONDAY.plusDays(random.nextInt(30)) : MONDAY.plusDays(30 + random.nextInt(900));
            int shiftDraw = random.nextInt(100), s = 0;
            for (int acc = SHIFT_PERCENT[0]; shiftDraw >= acc && s < SHIFTS.length - 1; acc += SHIFT_PERCENT[++s]) {
            }
            int maxDaily = 4 + random.nextInt(5);
            caregivers.add(new CaregiverCandidate(i, 1 + random.nextInt(40), home, new RegionCode("410902001001"), skills,
                    expiry, SHIFTS[s], maxDaily));
            if (random.nextInt(100) < 40) {
                load.add(i, MONDAY, random.nextInt(maxDaily + 1));
            }
        }
        long built = System.nanoTime();
        CandidateIndex index = new CandidateIndex(caregivers, 1_000, Instant.EPOCH);
        long buildMs = (System.nanoTime() - built) / 1_000_000;

        InMemoryServiceHistory history = new InMemoryServiceHistory();
        List<DispatchRequest> requests = new ArrayList<>();
        for (int e = 1; e <= 5_000; e++) {
            GeoPoint where = nobody ? new GeoPoint(35.40 - random.nextDouble() * 0.1, 115.0 + random.nextDouble())
                    : near(random, seat(random));
            for (int k = random.nextInt(3); k > 0; k--) {
                history.served(e, 1 + random.nextInt(caregiverCount));
            }
            CaregiverSkill skill = random.nextInt(20) == 0 ? CaregiverSkill.REHAB : COMMON[random.nextInt(COMMON.length)];
            int hour = 8 + random.nextInt(8);
            requests.add(DispatchRequest.inWindow(e, skill, where, MONDAY, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0),
                    30 + 15 * random.nextInt(5)));
        }
        Clock clock = Clock.fixed(MONDAY.atTime(8, 0).atZone(ZONE).toInstant(), ZONE);
        CaregiverRatings ratings = id -> 3.0 + (id % 21) / 10.0;
        IndexedCandidateChooser chooser = new IndexedCandidateChooser(() -> index, StraightLineTravelTime.byEBike(), load,
                history, ratings, DispatchSettings.defaults(), clock);

        long sink = 0;
        for (int w = 0; w < Math.max(20_000, samples); w++) {
            sink += consume(chooser.choose(requests.get(w % requests.size())));
        }
        long[] nanos = new long[samples];
        int none = 0;
        long candidates = 0;
        for (int i = 0; i < samples; i++) {
            DispatchRequest r = requests.get(random.nextInt(requests.size()));
            long t = System.nanoTime();
            DispatchResult result = chooser.choose(r);
            nanos[i] = System.nanoTime() - t;
            if (result instanceof NoCandidate) {
                none++;
            } else {
                candidates += ((DispatchResult.Candidates) result).ranked().size();
            }
            sink += consume(result);
        }
        Arrays.sort(nanos);
        System.out.printf("| %,d%s | %d | %,d | %d | %d | %d | %d | %d | %.1f%% | %.1f |%n", caregiverCount, nobody ? " (nobody)" : "", buildMs, samples,
                us(nanos, 0.50), us(nanos, 0.90), us(nanos, 0.99), us(nanos, 0.999), nanos[samples - 1] / 1_000,
                100.0 * none / samples, samples == none ? 0.0 : (double) candidates / (samples - none));
        if (sink == 42) {
            System.out.println();
        }
    }

    static long consume(DispatchResult r) {
        return r instanceof DispatchResult.Candidates c ? c.best().caregiverId() : ((NoCandidate) r).eliminatedBy().ordinal();
    }

    static long us(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000;
    }

    static Seat seat(Random random) {
        int draw = random.nextInt(100);
        for (Seat s : SEATS) {
            draw -= s.weight();
            if (draw < 0) {
                return s;
            }
        }
        return SEATS.getFirst();
    }

    /** A point 0–16 km from the seat, denser near it (like the demo city's streets and towns). */
    static GeoPoint near(Random random, Seat seat) {
        double distance = 16_000 * Math.pow(random.nextDouble(), 1.5);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = distance * Math.cos(bearing) / 111_320.0;
        double dLng = distance * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(seat.lat())));
        return new GeoPoint(seat.lat() + dLat, seat.lng() + dLng);
    }

    static CaregiverWorkWindow window(String days, int from, int to) {
        Set<DayOfWeek> d = CaregiverWorkWindow.parseDays(days);
        return new CaregiverWorkWindow(d, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
