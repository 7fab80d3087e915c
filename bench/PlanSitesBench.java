import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yiyang.planning.CityInstances;
import org.yiyang.planning.PlanningProblem;
import org.yiyang.planning.RadiusCoverage;
import org.yiyang.planning.SitePlan;
import org.yiyang.planning.SitePlanner;
import org.yiyang.planning.internal.PointFile;

/**
 * Runs `java -jar <jar> plan-sites ...` on generated instances (wall time measured around the
 * process, JVM start included), checks its output, recomputes the covered weight, and compares it
 * with greedy + descent and with SCIP given a larger time limit (in process, one thread).
 * Prints a Markdown table. Run by bench/plan-sites.sh.
 */
public class PlanSitesBench {

    record Instance(String name, long seed, int demand, int candidates, double cityRadiusM, int clusters,
                    int minWeight, int maxWeight, double radiusM, int k, int seconds, boolean exact) {
    }

    static final List<Instance> INSTANCES = List.of(
            new Instance("city-300k", 5, 300_000, 2_000, 12_000, 60, 1, 3, 1_000, 12, 10, false),
            new Instance("city-30k", 8, 30_000, 600, 6_000, 20, 1, 3, 1_000, 12, 10, true),
            new Instance("mclp-3k", 1, 3_000, 1_000, 8_000, 40, 10, 2_000, 600, 50, 60, true),
            new Instance("mclp-3k-r400", 4, 3_000, 1_500, 8_000, 40, 10, 2_000, 400, 80, 60, true),
            new Instance("mclp-5k", 3, 5_000, 2_000, 8_000, 40, 10, 2_000, 500, 50, 60, true),
            new Instance("mclp-7k", 6, 7_000, 3_000, 8_000, 40, 10, 2_000, 700, 100, 60, true),
            new Instance("mclp-10k", 1, 10_000, 5_000, 8_000, 40, 10, 2_000, 800, 100, 60, true));

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        int exactSeconds = Integer.parseInt(args[2]);
        List<String> only = Arrays.asList(args).subList(3, args.length);
        System.out.println("| instance | demand | candidates | radius m | k | budget s | plan-sites wall s | covered | greedy+descent gap | SCIP (s) | SCIP optimum / bound | gap to optimum / bound |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Instance in : INSTANCES) {
            if (!only.isEmpty() && !only.contains(in.name())) continue;
            Path dir = dataDir.resolve(in.name());
            Path demandCsv = dir.resolve("demand.csv");
            Path candidateCsv = dir.resolve("candidates.csv");
            if (!Files.exists(candidateCsv)) {
                Files.createDirectories(dir);
                CityInstances.Points d = CityInstances.demand(in.seed(), in.demand(), in.cityRadiusM(), in.clusters(), in.minWeight(), in.maxWeight());
                CityInstances.writeDemand(demandCsv, d);
                CityInstances.writeCandidates(candidateCsv, CityInstances.candidatesNearDemand(in.seed(), in.candidates(), d, 150));
            }
            // the command, as a user runs it
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "plan-sites", "--demand", demandCsv.toString(), "--candidates", candidateCsv.toString(),
                    "--radius-m", fmt(in.radiusM()), "--k", String.valueOf(in.k()), "--seconds", String.valueOf(in.seconds()));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (code != 0) throw new IllegalStateException(in.name() + ": exit " + code + ", see " + dir.resolve("stderr.txt"));
            List<String> lines = out.lines().toList();
            String last = lines.get(lines.size() - 1);
            if (lines.size() != in.k() + 1 || !last.startsWith("covered ")) throw new IllegalStateException(in.name() + ": unexpected output " + out);
            BigDecimal covered = new BigDecimal(last.substring("covered ".length()));

            // the same problem in process: check the printed weight, then greedy and SCIP
            PointFile demand = PointFile.read(demandCsv, true, false);
            PointFile candidates = PointFile.read(candidateCsv, false, true);
            int[][] cover = RadiusCoverage.within(demand.lat, demand.lng, candidates.lat, candidates.lng, in.radiusM());
            PlanningProblem.Builder b = PlanningProblem.builder();
            for (double w : demand.weight) b.demand(w);
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < candidates.size(); c++) index.put(candidates.ids[c], b.candidate(candidates.ids[c], cover[c]));
            PlanningProblem problem = b.build();
            int[] chosen = lines.subList(0, in.k()).stream().mapToInt(index::get).toArray();
            SitePlanner one = new SitePlanner(SitePlanner.Settings.defaults().withThreads(1).heuristicOnly());
            double recomputed = one.evaluate(problem, chosen).coveredWeight();
            if (Math.abs(recomputed - covered.doubleValue()) > 1e-6 * Math.max(1, recomputed)) {
                throw new IllegalStateException(in.name() + ": printed " + covered + " but the sites cover " + recomputed);
            }
            double greedy = one.plan(problem, in.k(), Duration.ZERO).coveredWeight();
            String scipCell = "-";
            String optimumCell = "-";
            String gapCell = "-";
            String greedyGap;
            if (exactSeconds > 0 && in.exact()) {
                SitePlan exact = new SitePlanner().solveExactly(problem, in.k(), Duration.ofSeconds(exactSeconds));
                double reference = exact.provenOptimal() ? exact.coveredWeight() : exact.upperBound();
                boolean bounded = exact.provenOptimal() || exact.upperBound() < problem.totalWeight();
                scipCell = String.format("%.1f", exact.elapsed().toMillis() / 1e3);
                optimumCell = exact.provenOptimal() ? fmt(exact.coveredWeight()) + " (optimal)"
                        : bounded ? String.format("≤ %.0f (bound; SCIP found %s)", exact.upperBound(), fmt(exact.coveredWeight()))
                        : "no bound in time (SCIP found " + fmt(exact.coveredWeight()) + ")";
                gapCell = bounded ? String.format("%s%.3f%%", exact.provenOptimal() ? "" : "≤ ", 100 * (reference - covered.doubleValue()) / reference) : "-";
                greedyGap = bounded ? String.format("%s%.3f%%", exact.provenOptimal() ? "" : "≤ ", 100 * (reference - greedy) / reference)
                        : String.format("%.3f%% below plan-sites", 100 * (covered.doubleValue() - greedy) / covered.doubleValue());
            } else {
                greedyGap = String.format("%.3f%% below plan-sites", 100 * (covered.doubleValue() - greedy) / covered.doubleValue());
            }
            System.out.printf("| %s | %,d | %,d | %s | %d | %d | %.2f | %s | %s | %s | %s | %s |%n", in.name(), in.demand(), in.candidates(),
                    fmt(in.radiusM()), in.k(), in.seconds(), wall, covered.toPlainString(), greedyGap, scipCell, optimumCell, gapCell);
            System.out.flush();
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
