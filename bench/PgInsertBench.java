import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw PostgreSQL ceiling beside the order-intake figure: single-row INSERT transactions per
 * second (autocommit, one row each, like one order's row) from N threads over JDBC, against the
 * same server. java -cp <postgresql driver> bench/PgInsertBench.java jdbc:postgresql://… [threads] [seconds]
 */
public class PgInsertBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop table if exists bench_insert");
            c.createStatement().execute("create table bench_insert (id bigint generated always as identity primary key, elder_id bigint not null, payload text not null, created_at timestamptz not null default now())");
        }
        LongAdder count = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> list = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement ps = c.prepareStatement("insert into bench_insert (elder_id, payload) values (?, ?)")) {
                    long i = 0;
                    while (System.nanoTime() < end) {
                        ps.setLong(1, i++);
                        ps.setString(2, "{\"serviceItemId\":1,\"notes\":\"bench\"}");
                        ps.executeUpdate();
                        count.increment();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            list.add(th);
        }
        for (Thread th : list) th.join();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop table bench_insert");
        }
        System.out.printf("| raw PostgreSQL single-row insert transactions | %d threads | %d s | %.0f tx/s |%n",
                threads, seconds, count.sum() / (double) seconds);
    }
}
