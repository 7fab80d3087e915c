package org.yiyang.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.identity.Role;
import org.yiyang.shared.DataScope;

@Repository
class UserRepository {

    private static final String COLUMNS = """
            id, username, password_hash, display_name, role, scope_kind, scope_region, scope_provider_id,
            scope_caregiver_id, scope_elder_id, enabled""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<YiyangUser> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
                .param(username).query(UserRepository::map).optional();
    }

    Optional<YiyangUser> findByActiveTokenHash(String tokenHash) {
        return jdbc.sql("""
                select u.id, u.username, u.password_hash, u.display_name, u.role, u.scope_kind, u.scope_region,
                       u.scope_provider_id, u.scope_caregiver_id, u.scope_elder_id, u.enabled
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null""")
                .param(tokenHash).query(UserRepository::map).optional();
    }

    void touchToken(String tokenHash) {
        jdbc.sql("update api_token set last_used_at = now() where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param(tokenHash).update();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    long insert(String username, String hash, String displayName, Role role, DataScope scope) {
        String kind = switch (scope) {
            case DataScope.Region r -> "REGION";
            case DataScope.Provider p -> "PROVIDER";
            case DataScope.Caregiver c -> "CAREGIVER";
            case DataScope.Elder e -> "ELDER";
            case DataScope.None n -> "NONE";
        };
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, scope_kind, scope_region,
                                      scope_provider_id, scope_caregiver_id, scope_elder_id)
                values (:username, :hash, :displayName, :role, :kind, :region, :provider, :caregiver, :elder)
                returning id""")
                .param("username", username).param("hash", hash).param("displayName", displayName)
                .param("role", role.name()).param("kind", kind)
                .param("region", scope instanceof DataScope.Region r ? r.prefix() : null)
                .param("provider", switch (scope) {
                    case DataScope.Provider p -> p.providerId();
                    case DataScope.Caregiver c -> c.providerId();
                    default -> null;
                })
                .param("caregiver", scope instanceof DataScope.Caregiver c ? c.caregiverId() : null)
                .param("elder", scope instanceof DataScope.Elder e ? e.elderId() : null)
                .query(Long.class).single();
    }

    private static YiyangUser map(ResultSet rs, int row) throws SQLException {
        DataScope scope = switch (rs.getString("scope_kind")) {
            case "REGION" -> new DataScope.Region(rs.getString("scope_region"));
            case "PROVIDER" -> new DataScope.Provider(rs.getLong("scope_provider_id"));
            case "CAREGIVER" -> new DataScope.Caregiver(rs.getLong("scope_caregiver_id"), rs.getLong("scope_provider_id"));
            case "ELDER" -> new DataScope.Elder(rs.getLong("scope_elder_id"));
            default -> new DataScope.None();
        };
        return new YiyangUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), scope, rs.getBoolean("enabled"));
    }
}
