package org.yiyang.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yiyang.identity.Role;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.ScopedPrincipal;

/** The logged-in user as Spring Security and the modules see it. */
public record YiyangUser(long userId, String username, String passwordHash, String displayName, Role role,
                         DataScope scope, boolean enabled) implements UserDetails, ScopedPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(role.authority()));
        role.permissions().forEach(p -> list.add(new SimpleGrantedAuthority(p)));
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** For templates: {@code sec:authentication="principal.displayName"}. */
    public String getDisplayName() {
        return displayName;
    }

    public YiyangUser withoutPassword() {
        return new YiyangUser(userId, username, "", displayName, role, scope, enabled);
    }
}
