package org.originbridge.auth.users;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users of {@code users.json} for the login form (user names compared case-insensitively). */
public final class UserAccounts implements UserDetailsService {

    private final Map<String, UserDefinition> users;

    public UserAccounts(List<UserDefinition> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(u -> u.username().toLowerCase(Locale.ROOT),
                Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDefinition user = username == null ? null : users.get(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new ImporterUser(user);
    }
}
