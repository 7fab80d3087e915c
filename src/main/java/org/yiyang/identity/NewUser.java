package org.yiyang.identity;

import org.yiyang.shared.DataScope;

/** A user to create: login name, password (hashed with BCrypt before storing), display name, role, scope. */
public record NewUser(String username, String rawPassword, String displayName, Role role, DataScope scope) {
}
