import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, from SQL only, what several nodes and faults must not break, and prints a pass/fail table
 * (exit code 1 on any failure):
 * <ol>
 * <li>every acknowledged order (201, from the load generator's files) exists;</li>
 * <li>within a bounded time, no event publication stays incomplete for more than 10 s, and every
 *     order placed got a dispatch decision (an offer or "unassignable"), unless it was closed;</li>
 * <li>the dispatch queue (the orders table, ADR 0010) drained: no order awaiting dispatch more than
 *     10 s past due, no order queued that no longer awaits dispatch;</li>
 * <li>each order's history is one chain (every step starts in the state the previous one ended in):
 *     so no order was offered while already offered, and no offer ended twice;</li>
 * <li>each expired offer produced exactly one {@code offer-expired} step and one
 *     ServiceOrderOfferExpired publication per persistent listener (none since ADR 0010), and no offer
 *     stays past its expiry longer than the sweep
 *     allows.</li>
 * </ol>
 * java -cp <runtime classpath> bench/ClusterVerify.java jdbc-url acks1.tsv[,acks2.tsv…] waitSeconds offerTimeoutSeconds sweepSeconds
 */
public class ClusterVerify {

    static final Map<String, String> results = new LinkedHashMap<>();
    static boolean failed;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<Long> acknowledged = new ArrayList<>();
        for (String file : args[1].split(",")) {
            if (file.isBlank()) continue;
            for (String line : Files.readAllLines(Path.of(file))) {
                if (!line.isBlank()) acknowledged.add(Long.parseLong(line.split("\t")[0]));
            }
        }
        int waitSeconds = Integer.parseInt(args[2]);
        long offerTimeoutMs = Long.parseLong(args[3]) * 1000;
        long sweepMs = Long.parseLong(args[4]) * 1000;

        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            // 1. acknowledged orders exist
            Set<Long> existing = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from service_order")) {
                while (rs.next()) existing.add(rs.getLong(1));
            }
            long missing = acknowledged.stream().filter(id -> !existing.contains(id)).count();
            check("acknowledged orders (201) that exist", missing == 0,
                    (acknowledged.size() - missing) + " of " + acknowledged.size() + " (orders in the database: " + existing.size() + ")");

            // 2. no publication left incomplete for more than 10 s, within the bound (while the nodes
            // run, new ones keep coming: offers expire and are made again)
            Instant start = Instant.now();
            long incomplete;
            while (true) {
                incomplete = single(c, "select count(*) from event_publication where completion_date is null and publication_date < now() - interval '10 seconds'");
                if (incomplete == 0 || Duration.between(start, Instant.now()).toSeconds() >= waitSeconds) break;
                Thread.sleep(1000);
            }
            long waited = Duration.between(start, Instant.now()).toSeconds();
            String byType = text(c, "select coalesce(string_agg(t || ' ' || n, ', '), '–') from (select substring(event_type from '[^.]+$') t, count(*) n "
                    + "from event_publication where completion_date is null and publication_date < now() - interval '10 seconds' group by 1) x");
            check("event publications incomplete for more than 10 s (waited up to " + waitSeconds + " s)", incomplete == 0,
                    incomplete + " after " + waited + " s" + (incomplete > 0 ? " (" + byType + ")" : ""));
            results.put("publication → completion ms (p50 / p99 / max)", text(c, "select round(percentile_cont(0.5) within group (order by d)) || ' / ' "
                    + "|| round(percentile_cont(0.99) within group (order by d)) || ' / ' || round(max(d)) from (select extract(epoch from "
                    + "completion_date - publication_date) * 1000 d from event_publication where completion_date is not null) x"));
            long total = single(c, "select count(*) from event_publication");
            results.put("event publications in total", total + " (" + text(c, "select string_agg(t || ' ' || n, ', ' order by n desc) from "
                    + "(select substring(event_type from '[^.]+$') t, count(*) n from event_publication group by 1) x") + ")");

            // the rest from one snapshot: the nodes keep working (offers expire, are made again) while we read
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            existing.clear();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from service_order")) {
                while (rs.next()) existing.add(rs.getLong(1));
            }

            // 3. the dispatch queue (ADR 0010: the orders table) drained: no order awaiting dispatch
            // left due for more than 10 s, none due that no longer awaits dispatch
            long leftDue = single(c, "select count(*) from service_order where state = 'CREATED' and dispatch_due_at < now() - interval '10 seconds'");
            check("orders left in the dispatch queue more than 10 s past due", leftDue == 0, String.valueOf(leftDue));
            long strayDue = single(c, "select count(*) from service_order where state <> 'CREATED' and dispatch_due_at is not null");
            check("orders in the dispatch queue that no longer await dispatch", strayDue == 0, String.valueOf(strayDue));

            // 4. history chains, double offers; 5. expiries
            Map<Long, List<Object[]>> history = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select order_id, action, from_state, to_state, at from order_event order by order_id, id")) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()});
                }
            }
            long broken = 0, doubleOffers = 0, offers = 0, expiredSteps = 0, doubleExpiry = 0, undecided = 0;
            List<Long> lateness = new ArrayList<>();
            for (long id : existing) {
                List<Object[]> steps = history.getOrDefault(id, List.of());
                String state = null;
                Instant offeredAt = null;
                boolean decided = false, brokenHere = false;
                for (Object[] step : steps) {
                    String action = (String) step[0], from = (String) step[1], to = (String) step[2];
                    if (state == null ? !action.equals("place") : !state.equals(from)) {
                        brokenHere = true;
                        if (action.equals("dispatch") && "OFFERED".equals(state)) doubleOffers++;
                        if (action.equals("offer-expired") && !"OFFERED".equals(state)) doubleExpiry++;
                    }
                    if (action.equals("dispatch")) { offers++; offeredAt = (Instant) step[3]; decided = true; }
                    if (action.equals("unassignable")) decided = true;
                    if (action.equals("offer-expired")) {
                        expiredSteps++;
                        if (offeredAt != null) lateness.add(Duration.between(offeredAt.plusMillis(offerTimeoutMs), (Instant) step[3]).toMillis());
                    }
                    state = to;
                }
                if (brokenHere) broken++;
                if (!decided && !"CANCELLED".equals(state) && !"EXPIRED".equals(state)) undecided++;
            }
            check("orders whose history is not one chain of states", broken == 0, broken + " of " + existing.size());
            check("offers made while the order was already offered (dispatched twice)", doubleOffers == 0,
                    doubleOffers + " (offers made: " + offers + ")");
            check("offers that expired twice (sweep ran twice)", doubleExpiry == 0, doubleExpiry + " (offer-expired steps: " + expiredSteps + ")");
            long expiredPublications = single(c, "select count(*) from event_publication where event_type like '%.ServiceOrderOfferExpired'");
            long expiredListeners = single(c, "select count(distinct listener_id) from event_publication where event_type like '%.ServiceOrderOfferExpired'");
            check("ServiceOrderOfferExpired publications = offer-expired steps × persistent listeners", expiredPublications == expiredSteps * expiredListeners,
                    expiredPublications + " publications, " + expiredSteps + " steps, " + expiredListeners + " listener(s)");
            long[] late = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
            if (late.length > 0) {
                results.put("offer expiry → offer-expired step, ms (p50 / p99 / max)", late[late.length / 2] + " / "
                        + late[Math.min(late.length - 1, (int) (late.length * .99))] + " / " + late[late.length - 1]);
            }
            long stale = single(c, "select count(*) from service_order where state = 'OFFERED' and offer_expires_at < now() - interval '"
                    + (3 * sweepMs + 5000) + " milliseconds'");
            check("offers still open longer than 3 sweeps + 5 s past their expiry", stale == 0, String.valueOf(stale));
            check("orders without a dispatch decision (offer or unassignable)", undecided == 0, undecided + " of " + existing.size());
            results.put("orders by state", text(c, "select string_agg(state || ' ' || n, ', ' order by n desc) from (select state, count(*) n from service_order group by 1) x"));
        }
        System.out.println();
        System.out.println("| check | result |");
        System.out.println("|---|---|");
        results.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        System.out.println();
        System.out.println(failed ? "VERIFY: FAIL" : "VERIFY: PASS");
        System.exit(failed ? 1 : 0);
    }

    static void check(String what, boolean ok, String detail) {
        results.put(what, (ok ? "PASS " : "FAIL ") + detail);
        failed |= !ok;
    }

    static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
