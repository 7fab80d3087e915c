import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order intake through the API at a fixed rate (issue 3: ≥ 300 orders/s for a minute, p99 < 100 ms,
 * each order dispatched within 2 s). Places orders as the hotline operator for random active
 * elders and common services — as soon as possible (the hotline's usual case; bench/BenchSetup.java
 * puts caregivers on duty around the clock so that the hour does not matter), or with
 * {@code window} as the 4th argument for a two-hour window tomorrow between 08:00 and 17:00 —
 * each request on its own virtual thread at the scheduled moment (open loop: a slow
 * server does not slow the arrivals), then reads a sample of the orders back and measures placed →
 * dispatch decision (the first offer, or the order put in the dispatcher's queue because nobody
 * qualified) from their history.
 *
 * java bench/OrderIntakeBench.java http://localhost:18080 [ratePerSecond] [seconds] [asap|window]
 */
public class OrderIntakeBench {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8));
    static String base;
    static boolean asap;
    static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        base = args[0];
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        asap = args.length <= 3 || !args[3].equals("window");
        Random random = new Random(7);

        List<String> elders = new ArrayList<>();
        long total = Long.parseLong(find(get("/api/v1/elders?size=1&status=ACTIVE"), "\"total\"\\s*:\\s*(\\d+)").getFirst());
        for (int i = 0; i < 20; i++) {
            int page = random.nextInt((int) Math.max(1, total / 500));
            elders.addAll(find(get("/api/v1/elders?size=500&status=ACTIVE&page=" + page), "\\{\"id\"\\s*:\\s*(\\d+)"));
        }
        List<String> items = new ArrayList<>();
        for (String code : List.of("ZC-001", "ZJ-001", "XF-001")) {
            String found = get("/api/v1/service-items?q=" + code);
            items.addAll(find(found, "\\{\"id\"\\s*:\\s*(\\d+)").subList(0, 1));
        }
        System.out.println("Sample: " + elders.size() + " active elders, service items " + items);

        // warm-up, not measured: 10 s at a third of the rate, then 30 s at the full rate (the JIT compiles the
        // hot paths for the full load in those seconds; measured, they showed as seconds of latency in the
        // first 10 s and never after — a server taking the city's calls has long been warm)
        run(Math.max(1, rate / 3), 10, elders, items, random, null);
        run(rate, 30, elders, items, random, null);
        ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        List<String> ids = run(rate, seconds, elders, items, random, results);
        double wall = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        long[] ok = results.stream().filter(r -> r[1] == 201).mapToLong(r -> r[0]).sorted().toArray();
        long failed = results.stream().filter(r -> r[1] != 201).count();
        System.out.println();
        System.out.printf("| offered rate | duration s | placed (201) | other answers | achieved orders/s | p50 ms | p95 ms | p99 ms | max ms |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d/s | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", rate, wall, ok.length, failed,
                ok.length / wall, q(ok, .5), q(ok, .95), q(ok, .99), ok[ok.length - 1] / 1e6);

        // the same per 10 s of the run: a tail only at the start is the JIT warming up, one throughout is saturation
        System.out.println();
        System.out.println("| seconds | placed (201) | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        for (int w = 0; w * 10 < seconds; w++) {
            final int window = w;
            long[] in = results.stream().filter(r -> r[1] == 201 && (r[2] - startNanos) / 10_000_000_000L == window)
                    .mapToLong(r -> r[0]).sorted().toArray();
            if (in.length > 0) {
                System.out.printf("| %d–%d | %d | %.1f | %.1f | %.1f |%n", w * 10, w * 10 + 10, in.length, q(in, .5), q(in, .99),
                        in[in.length - 1] / 1e6);
            }
        }

        Thread.sleep(3000);   // let the last dispatches finish
        Collections.shuffle(ids, random);
        List<Long> offers = new ArrayList<>(), decisions = new ArrayList<>();
        int unassignable = 0, waiting = 0;
        Pattern offered = Pattern.compile("\"toState\"\\s*:\\s*\"OFFERED\"[^}]*?\"at\"\\s*:\\s*\"([^\"]+)\"");
        Pattern queued = Pattern.compile("\"action\"\\s*:\\s*\"unassignable\"[^}]*?\"at\"\\s*:\\s*\"([^\"]+)\"");
        for (String id : ids.subList(0, Math.min(1000, ids.size()))) {
            String order = get("/api/v1/orders/" + id);
            Instant placed = Instant.parse(find(order, "\"placedAt\"\\s*:\\s*\"([^\"]+)\"").getFirst());
            Matcher m = offered.matcher(order);
            Matcher u = queued.matcher(order);
            if (m.find()) {
                long d = Duration.between(placed, Instant.parse(m.group(1))).toMillis();
                offers.add(d);
                decisions.add(d);
            } else if (u.find()) {
                unassignable++;
                decisions.add(Duration.between(placed, Instant.parse(u.group(1))).toMillis());
            } else {
                waiting++;
            }
        }
        long[] d = offers.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] all = decisions.stream().mapToLong(Long::longValue).sorted().toArray();
        int sampled = Math.min(1000, ids.size());
        long decidedIn2s = Arrays.stream(all).filter(x -> x <= 2000).count();
        System.out.println();
        System.out.println("| orders sampled | offered | unassignable (nobody qualified) | no decision yet | placed → decision p50 ms | p95 ms | p99 ms | max ms | decided within 2 s | placed → offer p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %.1f%% | %d |%n", sampled, d.length, unassignable, waiting,
                pick(all, .5), pick(all, .95), pick(all, .99), all.length == 0 ? 0 : all[all.length - 1],
                sampled == 0 ? 0 : 100.0 * decidedIn2s / sampled, pick(d, .99));
    }

    static List<String> run(int rate, int seconds, List<String> elders, List<String> items, Random random,
                            ConcurrentLinkedQueue<long[]> results) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; n < (long) rate * seconds; n++) {
                long due = t0 + n * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                String window = "";
                if (!asap) {
                    java.time.ZonedDateTime from = java.time.LocalDate.now(BEIJING).plusDays(1)
                            .atTime(8 + random.nextInt(8), 30 * random.nextInt(2)).atZone(BEIJING);
                    window = ",\"windowFrom\":\"" + from.toOffsetDateTime() + "\",\"windowTo\":\""
                            + from.plusHours(2).toOffsetDateTime() + "\"";
                }
                String body = "{\"elderId\":" + elders.get(random.nextInt(elders.size())) + ",\"serviceItemId\":"
                        + items.get(random.nextInt(items.size())) + window + ",\"notes\":\"bench\"}";
                inFlight.incrementAndGet();
                pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .header("Authorization", AUTH).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - s;
                        if (results != null) results.add(new long[] {took, r.statusCode(), s});
                        if (r.statusCode() == 201) {
                            Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
                            if (m.find()) ids.add(m.group(1));
                        }
                    } catch (Exception e) {
                        if (results != null) results.add(new long[] {System.nanoTime() - s, -1, s});
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        }
        return new ArrayList<>(ids);
    }

    static double q(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static long pick(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static String get(String path) throws Exception {
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
