import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Prepares a benchmark database (the large demo city) so that results do not depend on the hour
 * they are taken at and caregivers can act through the API:
 * every active caregiver works every day around the clock, takes up to 30 visits a day and holds
 * a certificate valid for a year, and has a login {@code cg<caregiver id>} with the demo password and a bearer token
 * {@code bench-cg-<caregiver id>}.
 * Orders earlier benchmark runs left open (notes 'bench', 'mixed' or 'cluster', still awaiting dispatch or offered) are
 * closed as expired, so every run starts from the same state: no backlog for the dispatch workers
 * and no loads from earlier runs.
 * Idempotent. The application must be restarted afterwards (its dispatch index is loaded at start).
 *
 * java -cp <postgresql driver> bench/BenchSetup.java jdbc:postgresql://localhost:15432/postgres
 */
public class BenchSetup {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", ""); Statement s = c.createStatement()) {
            int staff = s.executeUpdate("""
                    update caregiver set work_days = '1,2,3,4,5,6,7', work_start = '00:00', work_end = '23:59',
                           max_daily_orders = 30, certificate_expiry = greatest(coalesce(certificate_expiry, current_date), current_date + 365)
                     where status = 'ACTIVE'
                    """);
            int logins = s.executeUpdate("""
                    insert into app_user (username, password_hash, display_name, role, scope_kind, scope_provider_id, scope_caregiver_id)
                    select 'cg' || c.id, (select password_hash from app_user where username = 'caregiver'), c.name, 'CAREGIVER',
                           'CAREGIVER', c.provider_id, c.id
                      from caregiver c where c.status = 'ACTIVE'
                    on conflict (username) do nothing
                    """);
            // the phone app would hold a session; here each caregiver gets a bearer token bench-cg-<id>
            // (a password check per request would measure BCrypt, not the platform)
            int tokens = s.executeUpdate("""
                    insert into api_token (user_id, name, token_hash)
                    select u.id, 'bench', encode(sha256(convert_to('bench-cg-' || u.scope_caregiver_id, 'UTF8')), 'hex')
                      from app_user u where u.username like 'cg%' and u.role = 'CAREGIVER'
                    on conflict (token_hash) do nothing
                    """);
            int closed = s.executeUpdate("""
                    update service_order set state = 'EXPIRED', state_reason = 'bench reset', offer_expires_at = null,
                           dispatch_due_at = null, version = version + 1
                     where notes in ('bench', 'mixed', 'cluster') and state in ('CREATED', 'OFFERED', 'ACCEPTED', 'EN_ROUTE')
                    """);
            System.out.println("Bench setup: " + staff + " caregivers on duty around the clock, " + logins
                    + " new caregiver logins, " + tokens + " new bearer tokens, " + closed + " open orders of earlier runs closed");
        }
    }
}
