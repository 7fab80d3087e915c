package org.yiyang.planning;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.yiyang.planning.internal.BadInput;
import org.yiyang.planning.internal.ExactSolver;
import org.yiyang.planning.internal.PointFile;

/**
 * The {@code plan-sites} command of the jar, run without Spring or a database:
 * <pre>
 * java -jar yiyang.jar plan-sites --demand D.csv --candidates C.csv --radius-m R --k K --seconds S
 * </pre>
 * {@code D.csv} has the columns {@code id,lat,lng,weight}, {@code C.csv} {@code id,lat,lng} (header
 * lines first). A candidate covers the demand within R metres, great-circle. Prints the chosen
 * candidate ids, one per line, then {@code covered <total weight>}; nothing else goes to standard
 * output. Finishes within S seconds of the JVM's start. Bad arguments or input: a message on
 * standard error and exit code 2. Optional: {@code --threads N}, {@code --no-exact} (heuristic only),
 * {@code --seed N}.
 */
public final class PlanSitesCommand {

    public static final String NAME = "plan-sites";
    public static final int BAD_INPUT = 2;

    private static final Set<String> OPTIONS = Set.of("--demand", "--candidates", "--radius-m", "--k", "--seconds", "--threads", "--seed");
    private static final Set<String> FLAGS = Set.of("--no-exact");

    private final PrintStream out;
    private final PrintStream err;
    private final ResourceBundle messages;

    private PlanSitesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        ResourceBundle bundle;
        try {
            // Chinese (the default bundle) for Chinese locales, English for every other
            Locale locale = "zh".equals(Locale.getDefault().getLanguage()) ? Locale.ROOT : Locale.ENGLISH;
            bundle = ResourceBundle.getBundle("messages/planning", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            bundle = null;
        }
        this.messages = bundle;
    }

    /** Entry from {@code YiyangApplication.main}: runs, flushes, and ends the JVM with the exit code. */
    public static void main(String[] args) {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long sinceStartNanos = Math.max(0, System.currentTimeMillis() - jvmStartMillis) * 1_000_000L;
        int code = run(args, System.out, System.err, System.nanoTime() - sinceStartNanos);
        System.out.flush();
        System.err.flush();
        // halt: a native solver thread may still be winding down; nothing else needs to run on exit
        Runtime.getRuntime().halt(code);
    }

    /**
     * Runs the command ({@code args[0]} is {@code plan-sites}); the time budget counts from
     * {@code startNanos} ({@link System#nanoTime()} scale). Returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, long startNanos) {
        return new PlanSitesCommand(out, err).execute(args, startNanos);
    }

    /** Runs with the budget counting from now. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.nanoTime());
    }

    private int execute(String[] args, long startNanos) {
        Map<String, String> options;
        Arguments a;
        try {
            options = parse(args);
            a = Arguments.of(options);
        } catch (BadInput e) {
            err.println(text(e.key(), e.args()));
            err.println(text("plan-sites.usage"));
            return BAD_INPUT;
        }
        long deadline = startNanos + (long) (a.seconds * 1e9);
        // leave time to stop the threads, print and exit: 0.4 s plus 4% of the budget
        long margin = 400_000_000L + (long) (a.seconds * 0.04e9);
        if (a.exact) {
            // the native library takes ~1 s to unpack: load it while the files are read
            Thread.ofPlatform().daemon().name("ortools-loader").start(ExactSolver::available);
        }
        PointFile demand;
        PointFile candidates;
        try {
            demand = PointFile.read(a.demand, true, false);
            candidates = PointFile.read(a.candidates, false, true);
        } catch (BadInput e) {
            err.println(text(e.key(), e.args()));
            return BAD_INPUT;
        }
        if (candidates.size() == 0) {
            err.println(text("plan-sites.no-candidates", a.candidates.toString()));
            return BAD_INPUT;
        }
        long readNanos = System.nanoTime();
        int[][] cover = RadiusCoverage.within(demand.lat, demand.lng, candidates.lat, candidates.lng, a.radius);
        PlanningProblem.Builder builder = PlanningProblem.builder();
        for (int i = 0; i < demand.size(); i++) builder.demand(demand.weight[i]);
        for (int c = 0; c < candidates.size(); c++) builder.candidate(candidates.ids[c], cover[c]);
        PlanningProblem problem = builder.build();
        long coverNanos = System.nanoTime();

        SitePlanner.Settings settings = SitePlanner.Settings.defaults();
        if (a.threads > 0) settings = settings.withThreads(a.threads);
        if (!a.exact) settings = settings.heuristicOnly();
        if (a.seed != null) settings = settings.withSeed(a.seed);
        Duration budget = Duration.ofNanos(Math.max(0, deadline - margin - System.nanoTime()));
        SitePlan plan = new SitePlanner(settings).plan(problem, a.k, budget);

        boolean[] covered = new boolean[demand.size()];
        StringBuilder output = new StringBuilder();
        for (PlannedSite site : plan.sites()) {
            output.append(site.id()).append('\n');
            for (int d : cover[site.candidate()]) covered[d] = true;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) total = total.add(BigDecimal.valueOf(demand.weight[i]));
        }
        output.append("covered ").append(plain(total)).append('\n');
        out.print(output);
        out.flush();
        err.println(text("plan-sites.summary", demand.size(), candidates.size(), plan.sites().size(), plain(total),
                plain(BigDecimal.valueOf(plan.upperBound())), plan.provenOptimal() ? 1 : 0,
                (readNanos - startNanos) / 1e9, (coverNanos - readNanos) / 1e9, plan.elapsed().toMillis() / 1e3,
                (System.nanoTime() - startNanos) / 1e9));
        if (plan.sites().size() < a.k) err.println(text("plan-sites.fewer-candidates", candidates.size(), a.k));
        return 0;
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static Map<String, String> parse(String[] args) throws BadInput {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = args.length > 0 && NAME.equals(args[0]) ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (FLAGS.contains(name) && value == null) {
                options.put(name, "true");
                continue;
            }
            if (!OPTIONS.contains(name)) throw new BadInput("plan-sites.argument.unknown", arg);
            if (value == null) {
                if (i + 1 >= args.length) throw new BadInput("plan-sites.argument.value", name);
                value = args[++i];
            }
            options.put(name, value);
        }
        return options;
    }

    private record Arguments(Path demand, Path candidates, double radius, int k, double seconds, int threads, Long seed, boolean exact) {

        static Arguments of(Map<String, String> o) throws BadInput {
            for (String required : new String[] {"--demand", "--candidates", "--radius-m", "--k", "--seconds"}) {
                if (!o.containsKey(required)) throw new BadInput("plan-sites.argument.missing", required);
            }
            double radius = number(o, "--radius-m");
            if (!(radius >= 0) || Double.isInfinite(radius)) throw new BadInput("plan-sites.argument.radius", o.get("--radius-m"));
            int k = whole(o, "--k", 1);
            double seconds = number(o, "--seconds");
            if (!(seconds > 0) || seconds > 1e6) throw new BadInput("plan-sites.argument.seconds", o.get("--seconds"));
            int threads = o.containsKey("--threads") ? whole(o, "--threads", 1) : 0;
            Long seed = o.containsKey("--seed") ? (long) whole(o, "--seed", 0) : null;
            return new Arguments(Path.of(o.get("--demand")), Path.of(o.get("--candidates")), radius, k, seconds, threads, seed,
                    !o.containsKey("--no-exact"));
        }

        private static double number(Map<String, String> o, String name) throws BadInput {
            try {
                return Double.parseDouble(o.get(name).strip());
            } catch (NumberFormatException e) {
                throw new BadInput("plan-sites.argument.number", name, o.get(name));
            }
        }

        private static int whole(Map<String, String> o, String name, int min) throws BadInput {
            try {
                int v = Integer.parseInt(o.get(name).strip());
                if (v < min) throw new BadInput("plan-sites.argument.whole", name, o.get(name), min);
                return v;
            } catch (NumberFormatException e) {
                throw new BadInput("plan-sites.argument.whole", name, o.get(name), min);
            }
        }
    }

    private String text(String key, Object... args) {
        String pattern;
        try {
            pattern = messages == null ? key : messages.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
