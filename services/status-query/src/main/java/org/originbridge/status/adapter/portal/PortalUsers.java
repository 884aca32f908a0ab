package org.originbridge.status.adapter.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.originbridge.platform.security.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who signed in at the portal: the claims of the ACCESS TOKEN the authorization server issued for
 * the user (no user-info endpoint, no OIDC), validated exactly like every API call's bearer token
 * by the platform's resource-server {@link JwtDecoder} (ES256 against the JWKS, issuer, audience
 * {@code originbridge}, expiry). So the portal and the importer API read the same identity
 * ({@link Caller}); a user whose token is not an importer's (role {@code importer} with an
 * {@code ob_importer} party) gets no portal authority and is refused.
 */
public final class PortalUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    /** The authority a portal user needs. */
    public static final String IMPORTER = "PORTAL_IMPORTER";

    private final JwtDecoder decoder;

    public PortalUsers(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        Jwt jwt;
        try {
            jwt = decoder.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                    "the authorization server's token did not validate", null), e);
        }
        Caller caller = caller(jwt.getSubject(), jwt.getClaims());
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (caller.role() == Caller.Role.IMPORTER && caller.importerId() != null) {
            authorities.add(new SimpleGrantedAuthority(IMPORTER));
        }
        caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        Map<String, Object> attributes = new java.util.HashMap<>(jwt.getClaims());
        attributes.put("sub", jwt.getSubject());
        return new DefaultOAuth2User(List.copyOf(authorities), attributes, "sub");
    }

    /** The portal user as the platform's caller (same claims, same rules as the API). */
    public static Caller caller(OAuth2User user) {
        return caller(user.getName(), user.getAttributes());
    }

    private static Caller caller(String subject, Map<String, Object> claims) {
        return Caller.fromClaims(subject, claims);
    }
}
