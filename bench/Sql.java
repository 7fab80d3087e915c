import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A tiny psql for the scripts (no client needed beside the JDBC driver): runs each argument after
 * the URL as one statement and prints result rows tab-separated.
 * java -cp <runtime classpath> bench/Sql.java jdbc:postgresql://localhost:25432/yiyang "select 1" …
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", ""); Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (s.execute(args[i])) {
                    try (ResultSet rs = s.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int k = 1; k <= n; k++) line.append(k > 1 ? "\t" : "").append(rs.getString(k));
                            System.out.println(line);
                        }
                    }
                }
            }
        }
    }
}
