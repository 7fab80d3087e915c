package org.yiyang.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.SystemAccount;
import org.yiyang.identity.SystemAccounts;
import org.yiyang.identity.UserAccounts;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.Violations;

@Service
class SystemAccountService implements SystemAccounts {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    SystemAccountService(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public List<SystemAccount> list() {
        String prefix = adminPrefix();
        return jdbc.sql("select id from app_user where role = 'SYSTEM' and scope_region like ? order by id")
                .param(prefix + "%").query(Long.class).list().stream().map(this::load).toList();
    }

    @Override
    public SystemAccount get(long id) {
        String prefix = adminPrefix();
        boolean visible = jdbc.sql("select count(*) from app_user where id = ? and role = 'SYSTEM' and scope_region like ?")
                .params(id, prefix + "%").query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("system-account.not-found", id);
        }
        return load(id);
    }

    @Override
    @Transactional
    public SystemAccount create(String username, String displayName, String regionPrefix) {
        String prefix = adminPrefix();
        Violations v = new Violations();
        v.require("username", username);
        v.require("displayName", displayName);
        if (v.require("regionPrefix", regionPrefix)) {
            if (!regionPrefix.matches("\\d{2,12}")) {
                v.add("regionPrefix", "system-account.region-invalid");
            } else if (!regionPrefix.startsWith(prefix)) {
                v.add("regionPrefix", "system-account.region-outside");
            }
        }
        v.throwIfAny();
        // A system account logs in with tokens only: its password is random and never shown.
        long id = accounts.create(new NewUser(username.trim(), UUID.randomUUID().toString(),
                displayName.trim(), Role.SYSTEM, DataScope.region(regionPrefix)));
        return load(id);
    }

    @Override
    @Transactional
    public UserAccounts.IssuedToken issueToken(long accountId, String tokenName) {
        get(accountId);
        Violations v = new Violations();
        v.require("tokenName", tokenName);
        v.throwIfAny();
        return accounts.issueToken(accountId, tokenName.trim());
    }

    @Override
    @Transactional
    public void revokeToken(long accountId, long tokenId) {
        get(accountId);
        int n = jdbc.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(tokenId, accountId).update();
        if (n == 0 && jdbc.sql("select count(*) from api_token where id = ? and user_id = ?").params(tokenId, accountId)
                .query(Long.class).single() == 0) {
            throw new NotFoundException("token.not-found", tokenId);
        }
    }

    private SystemAccount load(long id) {
        var tokens = jdbc.sql("select id, name, created_at, last_used_at, revoked_at from api_token where user_id = ? order by id")
                .param(id)
                .query((rs, n) -> new SystemAccount.Token(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .list();
        return jdbc.sql("select id, username, display_name, scope_region, enabled from app_user where id = ?").param(id)
                .query((rs, n) -> new SystemAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), tokens))
                .single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Only region-scoped bureau administrators manage system accounts, within their region. */
    private static String adminPrefix() {
        if (!CurrentUser.hasAuthority(Authorities.ACCOUNT_ADMIN) || !(CurrentUser.scope() instanceof DataScope.Region r)) {
            throw new AccessDeniedException("account administration");
        }
        return r.prefix();
    }
}
