import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elder registry latency on a running Yiyang (issue 2's targets: search by name, phone or ID number
 * p95 < 50 ms; a region-scoped list page < 200 ms), measured over HTTP from this process, one
 * request at a time, after a warm-up. Run by bench/elder-search.sh; prints a Markdown table.
 *
 * java bench/SearchBench.java http://localhost:18080 [samples]
 */
public class SearchBench {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Random random = new Random(42);

        String first = get("/api/v1/elders?size=1", "city");
        long total = Long.parseLong(find(first, "\"total\"\\s*:\\s*(\\d+)").getFirst());
        System.out.println("Elders in the city: " + total);

        List<String> ids = new ArrayList<>();
        int pages = (int) Math.min(20, total / 500);
        for (int i = 0; i < pages && ids.size() < samples; i++) {
            int page = random.nextInt((int) (total / 500));
            ids.addAll(find(get("/api/v1/elders?size=500&page=" + page, "city"), "\\{\"id\"\\s*:\\s*(\\d+)"));
        }
        Collections.shuffle(ids, random);
        List<String> names = new ArrayList<>(), phones = new ArrayList<>(), idNumbers = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(samples, ids.size()))) {
            String record = get("/api/v1/elders/" + id, "city");
            names.add(find(record, "\"name\"\\s*:\\s*\"([^\"]+)\"").getFirst());
            idNumbers.add(find(record, "\"idNumber\"\\s*:\\s*\"([0-9X]{18})\"").getFirst());
            phones.add(find(record, "\"phones\"\\s*:\\s*\\[\\s*\"(\\d+)\"").getFirst());
        }
        String county = find(get("/api/v1/regions", "county"), "\"code\"\\s*:\\s*\"(\\d{12})\"").getFirst();
        long countyTotal = Long.parseLong(find(get("/api/v1/elders?size=1&region=" + county, "county"), "\"total\"\\s*:\\s*(\\d+)").getFirst());
        int countyPages = (int) Math.max(1, countyTotal / 50);

        System.out.println();
        System.out.println("| measurement (" + samples + " requests each, sequential, after warm-up) | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        measure("search by name (`q`=full name), city scope", samples, i -> "/api/v1/elders?q=" + enc(names.get(i % names.size())), "city");
        measure("search by name prefix (surname + first character)", samples, i -> "/api/v1/elders?q=" + enc(names.get(i % names.size()).substring(0, 2)), "city");
        measure("search by phone (11 digits)", samples, i -> "/api/v1/elders?q=" + phones.get(i % phones.size()), "city");
        measure("search by ID number (18 characters)", samples, i -> "/api/v1/elders?q=" + idNumbers.get(i % idNumbers.size()), "city");
        measure("county list page via API (50 rows, random page, with total)", samples,
                i -> "/api/v1/elders?size=50&region=" + county + "&page=" + random.nextInt(countyPages), "county");
        measure("county list page in the console (HTML, 50 rows, random page)", samples,
                i -> "/elders?region=" + county + "&page=" + random.nextInt(countyPages), "county");
        System.out.println();
        System.out.println("Elders in the measured county: " + countyTotal);
    }

    interface Path {
        String at(int i);
    }

    static void measure(String label, int n, Path path, String user) throws Exception {
        for (int i = 0; i < Math.min(50, n); i++) get(path.at(i), user);   // warm-up
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            get(path.at(i), user);
            nanos[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", label, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[n - 1] / 1e6);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static List<String> find(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        if (out.isEmpty()) throw new IllegalStateException("no match for " + regex + " in " + text.substring(0, Math.min(300, text.length())));
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
