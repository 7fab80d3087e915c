package org.yiyang.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.UserAccounts;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.RuleViolationException;

@Service
class UserAccountService implements UserAccounts, UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    UserAccountService(UserRepository users, PasswordEncoder encoder, JdbcClient jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Override
    @Transactional
    public long create(NewUser user) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw InputRejectedException.of("username", "user.username-invalid");
        }
        if (user.rawPassword() == null || user.rawPassword().length() < 4) {
            throw InputRejectedException.of("password", "user.password-too-short");
        }
        if (users.usernameTaken(user.username())) {
            throw RuleViolationException.conflict("user.username-taken", user.username());
        }
        return users.insert(user.username(), encoder.encode(user.rawPassword()), user.displayName(), user.role(), user.scope());
    }

    @Override
    public Optional<Long> idOf(String username) {
        return users.findByUsername(username).map(YiyangUser::userId);
    }

    @Override
    @Transactional
    public IssuedToken issueToken(long userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "yy_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id")
                .params(userId, name, hash(token)).query(Long.class).single();
        return new IssuedToken(id, token);
    }

    @Override
    @Transactional
    public void revokeToken(long tokenId) {
        jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(tokenId).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
