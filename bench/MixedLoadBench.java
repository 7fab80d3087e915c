import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform under a working day's mix, all at once for a sustained period (issue 6): hotline
 * operators place orders at a fixed rate (open loop) and automatic dispatch offers them; other
 * operators and supervisors read pages (the order list, the dispatch board, the hotline lookup);
 * caregivers take their offers through the API — accept, check in at the elder's address, check
 * out, confirm with the elder's code. Prints throughput and p50/p95/p99 per kind of request.
 * Needs bench/BenchSetup.java applied (caregivers on duty around the clock with logins cg<id>).
 *
 * java bench/MixedLoadBench.java http://localhost:18080 [orders/s=100] [seconds=60] [readers=8] [caregiverWorkers=8]
 */
public class MixedLoadBench {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static String base;
    static final Map<String, ConcurrentLinkedQueue<long[]>> results = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int readers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Random random = new Random(11);

        List<String> elders = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        long total = Long.parseLong(find(call("GET", "/api/v1/elders?size=1&status=ACTIVE", "operator", null).body(),
                "\"total\"\\s*:\\s*(\\d+)").getFirst());
        for (int i = 0; i < 10; i++) {
            String page = call("GET", "/api/v1/elders?size=500&status=ACTIVE&page=" + random.nextInt((int) Math.max(1, total / 500)),
                    "operator", null).body();
            elders.addAll(find(page, "\\{\"id\"\\s*:\\s*(\\d+)"));
        }
        List<String> items = new ArrayList<>();
        for (String code : List.of("ZC-001", "ZJ-001", "XF-001")) {
            items.add(find(call("GET", "/api/v1/service-items?q=" + code, "operator", null).body(), "\\{\"id\"\\s*:\\s*(\\d+)").getFirst());
        }
        for (int i = 0; i < 50; i++) {
            String e = call("GET", "/api/v1/elders/" + elders.get(random.nextInt(elders.size())), "operator", null).body();
            Matcher m = Pattern.compile("\"phones\"\\s*:\\s*\\[\\s*\"([^\"]+)\"").matcher(e);
            if (m.find()) phones.add(m.group(1));
        }
        System.out.printf("Sample: %d elders, items %s, %d phone numbers; %d orders/s for %d s, %d readers, %d caregiver workers%n",
                elders.size(), items, phones.size(), rate, seconds, readers, workers);

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Boolean> taken = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < readers; r++) {
                int reader = r;
                pool.submit(() -> {
                    Random rnd = new Random(100 + reader);
                    while (running.get()) {
                        switch (rnd.nextInt(3)) {
                            case 0 -> timed("read: order list (API)", "GET", "/api/v1/orders?size=50", "operator", null);
                            case 1 -> timed("read: dispatch board (page)", "GET", "/dispatch/board", "operator", null);
                            default -> timed("read: hotline lookup (page)", "GET",
                                    "/hotline?phone=" + URLEncoder.encode(phones.get(rnd.nextInt(phones.size())), StandardCharsets.UTF_8),
                                    "operator", null);
                        }
                    }
                    return null;
                });
            }
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    while (running.get()) {
                        HttpResponse<String> offered = call("GET", "/api/v1/orders?state=OFFERED&size=50", "operator", null);
                        List<String> ids = offered.statusCode() == 200 ? findAll(offered.body(), "\\{\"id\"\\s*:\\s*(\\d+)") : List.of();
                        boolean worked = false;
                        for (String id : ids) {
                            if (taken.putIfAbsent(id, true) != null) continue;
                            worked = true;
                            serve(id);
                            if (!running.get()) break;
                        }
                        if (!worked) Thread.sleep(200);
                    }
                    return null;
                });
            }
            long interval = 1_000_000_000L / rate;
            for (long n = 0; n < (long) rate * seconds; n++) {
                long wait = start + n * interval - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                String body = "{\"elderId\":" + elders.get(random.nextInt(elders.size())) + ",\"serviceItemId\":"
                        + items.get(random.nextInt(items.size())) + ",\"notes\":\"mixed\"}";
                pool.submit(() -> timed("write: place order", "POST", "/api/v1/orders", "operator", body));
            }
            running.set(false);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.println("| request | count | per s | errors (status: n; -1 = no answer in 30 s) | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        results.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] ok = e.getValue().stream().filter(x -> x[1] >= 200 && x[1] < 300).mapToLong(x -> x[0]).sorted().toArray();
            java.util.TreeMap<Long, Long> errors = new java.util.TreeMap<>();
            e.getValue().stream().filter(x -> x[1] < 200 || x[1] >= 300).forEach(x -> errors.merge(x[1], 1L, Long::sum));
            String err = errors.isEmpty() ? "0" : errors.toString().replace("{", "").replace("}", "").replace("=", ": ");
            System.out.printf("| %s | %d | %.1f | %s | %.1f | %.1f | %.1f | %.1f |%n", e.getKey(), ok.length, ok.length / wall, err,
                    q(ok, .5), q(ok, .95), q(ok, .99), ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
        });
    }

    /** One caregiver's visit through the API: accept, check in at the address, check out, confirm with the code. */
    static void serve(String id) {
        HttpResponse<String> order = call("GET", "/api/v1/orders/" + id, "operator", null);
        if (order.statusCode() != 200) return;
        Matcher cg = Pattern.compile("\"caregiverId\"\\s*:\\s*(\\d+)").matcher(order.body());
        Matcher at = Pattern.compile("\"address\"\\s*:\\s*\\{[^}]*?\"location\"\\s*:\\s*\\{\\s*\"lat\"\\s*:\\s*([\\d.]+)\\s*,\\s*\"lng\"\\s*:\\s*([\\d.]+)").matcher(order.body());
        if (!cg.find() || !at.find()) return;
        String user = "cg" + cg.group(1);
        String here = "{\"location\":{\"lat\":" + at.group(1) + ",\"lng\":" + at.group(2) + "}";
        if (timed("caregiver: accept", "POST", "/api/v1/orders/" + id + "/accept", user, "{}") != 200) return;
        String code = findAll(call("GET", "/api/v1/orders/" + id, "operator", null).body(), "\"confirmationCode\"\\s*:\\s*\"(\\d{4})\"")
                .stream().findFirst().orElse("0000");
        if (timed("caregiver: check-in", "POST", "/api/v1/orders/" + id + "/check-in", user, here + "}") != 200) return;
        if (timed("caregiver: check-out", "POST", "/api/v1/orders/" + id + "/check-out", user, here + ",\"comment\":\"ok\"}") != 200) return;
        timed("caregiver: confirm (code)", "POST", "/api/v1/orders/" + id + "/confirm", user, "{\"code\":\"" + code + "\"}");
    }

    static int timed(String kind, String method, String path, String user, String body) {
        long s = System.nanoTime();
        HttpResponse<String> r = call(method, path, user, body);
        results.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(new long[] {System.nanoTime() - s, r == null ? -1 : r.statusCode()});
        return r == null ? -1 : r.statusCode();
    }

    static HttpResponse<String> call(String method, String path, String user, String body) {
        try {
            String auth = user.startsWith("cg")
                    ? "Bearer bench-cg-" + user.substring(2)
                    : "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth);
            if (body != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            else b.method(method, HttpRequest.BodyPublishers.noBody());
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    static double q(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static List<String> findAll(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<String> find(String text, String regex) {
        List<String> out = findAll(text, regex);
        if (out.isEmpty()) throw new IllegalStateException("no match for " + regex);
        return out;
    }
}
