package org.originbridge.auth.users;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.originbridge.auth.IdentityContract;

/**
 * A person who signs in at the authorization server's login form (authorization-code flow), as
 * kept in {@code users.json}: the user name, a password hash (Spring Security's delegating format,
 * {@code {bcrypt}...}; never the password), and what the user's tokens say. Only importer users
 * exist today: {@code ob_role=importer} and {@code ob_importer} = the importer's party id.
 */
public record UserDefinition(String username, String passwordHash, String role, String importer) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HASH = Pattern.compile("\\{[a-z0-9]+}\\S{20,200}");

    public UserDefinition {
        List<String> problems = new ArrayList<>();
        if (username == null || !NAME.matcher(username).matches()) {
            problems.add("username must match " + NAME.pattern());
        }
        if (passwordHash == null || !HASH.matcher(passwordHash).matches()) {
            problems.add("passwordHash must be an encoded hash such as {bcrypt}$2a$10$... "
                    + "(java -jar originbridge-auth-server.jar hash-password)");
        }
        if (!IdentityContract.IMPORTER.equals(role)) {
            problems.add("role must be " + IdentityContract.IMPORTER + " (the only kind of user today)");
        }
        if (importer == null || !PARTY.matcher(importer).matches()) {
            problems.add("an importer user needs its party id in 'importer' (matching " + PARTY.pattern() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("user " + username + ": " + String.join("; ", problems));
        }
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "UserDefinition[" + username + ", role=" + role + ", importer=" + importer + "]";
    }
}
