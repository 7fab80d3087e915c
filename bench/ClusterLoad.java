import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders through several nodes at a fixed arrival rate (open loop, one virtual thread per request,
 * round robin over the nodes), as the hotline operator, for random active elders and common
 * services, each for a two-hour window tomorrow (08:00–17:00 Beijing time, so the result does not
 * depend on the hour) or, with {@code asap}, as soon as possible. Writes every acknowledged order
 * (201) to a file — "orderId TAB node TAB sentAtEpochMs" — for the verifier, and prints per node:
 * answers by status, latency of the 201s, how long the other answers took and whether they were
 * problem+json; and a timeline in 5 s steps (by send time) to see a fault and the recovery.
 *
 * java bench/ClusterLoad.java http://localhost:18181,http://localhost:18182 rate seconds acks.tsv [window|asap]
 */
public class ClusterLoad {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8));
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** One request's outcome: node, send offset ms, took ns, status (-1 = no answer), problem+json, order id. */
    record Result(int node, long sentMs, long tookNanos, int status, boolean problem, String orderId, long sentEpochMs) {}

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path acks = Path.of(args[3]);
        boolean asap = args.length > 4 && args[4].equals("asap");
        Random random = new Random(11);

        List<String> elders = new ArrayList<>();
        List<String> items = new ArrayList<>();
        // where to read the sample of elders and services (-Dsample=URL: another node than the ones loaded)
        String sampleFrom = System.getProperty("sample", bases[0]);
        long total = Long.parseLong(find(get(sampleFrom, "/api/v1/elders?size=1&status=ACTIVE"), "\"total\"\\s*:\\s*(\\d+)").getFirst());
        for (int i = 0; i < 10; i++) {
            int page = random.nextInt((int) Math.max(1, total / 200));
            elders.addAll(find(get(sampleFrom, "/api/v1/elders?size=200&status=ACTIVE&page=" + page), "\\{\"id\"\\s*:\\s*(\\d+)"));
        }
        for (String code : List.of("ZC-001", "ZJ-001", "XF-001")) {
            items.addAll(find(get(sampleFrom, "/api/v1/service-items?q=" + code), "\\{\"id\"\\s*:\\s*(\\d+)").subList(0, 1));
        }
        System.out.printf("Load: %d orders/s for %d s over %d nodes (%s), %d elders sampled, service items %s%n",
                rate, seconds, bases.length, asap ? "as soon as possible" : "windows tomorrow", elders.size(), items);

        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        long intervalNanos = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        long epoch0 = System.currentTimeMillis();
        Pattern idPattern = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; n < (long) rate * seconds; n++) {
                long due = t0 + n * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                String window = "";
                if (!asap) {
                    ZonedDateTime from = LocalDate.now(BEIJING).plusDays(1)
                            .atTime(8 + random.nextInt(8), 30 * random.nextInt(2)).atZone(BEIJING);
                    window = ",\"windowFrom\":\"" + from.toOffsetDateTime() + "\",\"windowTo\":\""
                            + from.plusHours(2).toOffsetDateTime() + "\"";
                }
                String body = "{\"elderId\":" + elders.get(random.nextInt(elders.size())) + ",\"serviceItemId\":"
                        + items.get(random.nextInt(items.size())) + window + ",\"notes\":\"cluster\"}";
                int node = (int) (n % bases.length);
                pool.submit(() -> {
                    long s = System.nanoTime();
                    long sentMs = (s - t0) / 1_000_000;
                    long sentEpoch = epoch0 + sentMs;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bases[node] + "/api/v1/orders"))
                                .header("Authorization", AUTH).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(90))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        String id = null;
                        if (r.statusCode() == 201) {
                            Matcher m = idPattern.matcher(r.body());
                            if (m.find()) id = m.group(1);
                        }
                        boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                        results.add(new Result(node, sentMs, System.nanoTime() - s, r.statusCode(), problem, id, sentEpoch));
                    } catch (Exception e) {
                        results.add(new Result(node, sentMs, System.nanoTime() - s, -1, false, null, sentEpoch));
                    }
                });
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;

        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acks))) {
            for (Result r : results) {
                if (r.status() == 201 && r.orderId() != null) out.println(r.orderId() + "\t" + r.node() + "\t" + r.sentEpochMs());
            }
        }
        System.out.println();
        System.out.println("| node | sent | 201 | other answers (status×count) | no answer | 201 p50 ms | p95 ms | p99 ms | max ms | other answers: problem+json | other answers: max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int node = -1; node < bases.length; node++) {
            final int k = node;
            List<Result> mine = results.stream().filter(r -> k < 0 || r.node() == k).toList();
            long[] ok = mine.stream().filter(r -> r.status() == 201).mapToLong(Result::tookNanos).sorted().toArray();
            Map<Integer, Long> other = new TreeMap<>();
            mine.stream().filter(r -> r.status() != 201 && r.status() != -1).forEach(r -> other.merge(r.status(), 1L, Long::sum));
            long none = mine.stream().filter(r -> r.status() == -1).count();
            long problems = mine.stream().filter(r -> r.status() != 201 && r.status() != -1 && r.problem()).count();
            long otherMax = mine.stream().filter(r -> r.status() != 201 && r.status() != -1).mapToLong(Result::tookNanos).max().orElse(0);
            System.out.printf("| %s | %d | %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %d of %d | %.0f |%n", k < 0 ? "all" : String.valueOf(k + 1),
                    mine.size(), ok.length, other.isEmpty() ? "–" : other.toString(), none, q(ok, .5), q(ok, .95), q(ok, .99),
                    ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6, problems, other.values().stream().mapToLong(Long::longValue).sum(), otherMax / 1e6);
        }
        System.out.printf("Wall time %.1f s, acknowledged orders written to %s%n", wall, acks);
        System.out.println();
        System.out.println("Timeline by send time (5 s steps): 201 / other answers / no answer; slowest answer in the step");
        int steps = (int) Math.ceil(seconds / 5.0);
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < steps; s++) {
            final long from = s * 5000L, to = from + 5000;
            List<Result> in = results.stream().filter(r -> r.sentMs() >= from && r.sentMs() < to).toList();
            long ok = in.stream().filter(r -> r.status() == 201).count();
            long other = in.stream().filter(r -> r.status() != 201 && r.status() != -1).count();
            long none = in.stream().filter(r -> r.status() == -1).count();
            long max = in.stream().mapToLong(Result::tookNanos).max().orElse(0) / 1_000_000;
            line.append(String.format("  %3d–%3ds: %d/%d/%d %d ms%n", from / 1000, to / 1000, ok, other, none, max));
        }
        System.out.print(line);
    }

    static double q(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String get(String base, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static List<String> find(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        if (out.isEmpty()) throw new IllegalStateException("no match for " + regex + " in " + text.substring(0, Math.min(300, text.length())));
        return out;
    }
}
