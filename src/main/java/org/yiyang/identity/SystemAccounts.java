package org.yiyang.identity;

import java.util.List;

/**
 * Administration of system accounts by a bureau supervisor (ACCOUNT_ADMIN): create one within the
 * administrator's region, issue a bearer token (shown once), revoke it. Accounts and tokens
 * outside the administrator's region are "not found".
 */
public interface SystemAccounts {

    List<SystemAccount> list();

    SystemAccount get(long id);

    SystemAccount create(String username, String displayName, String regionPrefix);

    UserAccounts.IssuedToken issueToken(long accountId, String tokenName);

    void revokeToken(long accountId, long tokenId);
}
