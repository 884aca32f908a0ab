package org.originbridge.status.config;

import org.originbridge.status.adapter.portal.PortalUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The importer portal's own filter chain, ordered before the platform's stateless resource-server
 * chain and matching only the portal's paths: sign-in through the authorization server
 * (authorization code with PKCE S256, client {@code importer-portal}), a session (cookie
 * {@code OB_PORTAL_SESSION}, HttpOnly, SameSite=Lax) and CSRF protection on this chain only. Every
 * portal page needs a signed-in importer ({@link PortalUsers}); signing out is a POST with the CSRF
 * token. Everything else (the APIs) stays on the platform's chain, untouched.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfiguration {

    /** The registration id in {@code spring.security.oauth2.client.registration}. */
    public static final String REGISTRATION = "originbridge";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
            JwtDecoder decoder) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.securityMatcher("/portal", "/portal/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/portal/signed-out", "/portal/portal.css").permitAll()
                        .anyRequest().hasAuthority(PortalUsers.IMPORTER))
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(user -> user.userService(new PortalUsers(decoder)))
                        .defaultSuccessUrl("/portal", false)
                        .failureUrl("/portal/signed-out?error"))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
