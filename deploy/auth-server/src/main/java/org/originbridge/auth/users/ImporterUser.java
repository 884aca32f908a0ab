package org.originbridge.auth.users;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user as Spring Security holds it, with the importer party its tokens name. */
public final class ImporterUser extends User {

    private final String role;
    private final String importer;

    public ImporterUser(UserDefinition definition) {
        super(definition.username(), definition.passwordHash(),
                List.of(new SimpleGrantedAuthority("ROLE_" + definition.role().toUpperCase(java.util.Locale.ROOT))));
        this.role = definition.role();
        this.importer = definition.importer();
    }

    public String role() {
        return role;
    }

    public String importer() {
        return importer;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
