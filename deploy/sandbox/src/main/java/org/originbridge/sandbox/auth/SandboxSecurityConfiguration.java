package org.originbridge.sandbox.auth;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox's Spring Security filter chain: the party rules of {@link PartyAuthorization} on
 * {@code /asw/**}, {@code /ccpit/**} (its public certificate lookup excepted), {@code /dcsa/**} and
 * {@code /customs/**};
 * everything else (sandbox controls, OpenAPI documents, actuator) stays open, as a local test
 * double's should. No sessions, no CSRF (token-authenticated machine calls only).
 * <p>
 * The chain is registered here (after the chaos filter, as the hand-written filter it replaces
 * was) rather than by Boot's security auto-configuration, which this module does not depend on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SandboxSecurityConfiguration {

    /** Runs after {@code ChaosFilter} (HIGHEST_PRECEDENCE + 10). */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    PartyAuthorization partyAuthorization(PartyTokens tokens) {
        return new PartyAuthorization(tokens);
    }

    @Bean
    SecurityFilterChain partySecurity(HttpSecurity http, PartyAuthorization parties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PartyAuthorization.CCPIT_PUBLIC_LOOKUP_PATHS).permitAll()
                        // each party's OAuth2 token endpoint authenticates its clients itself (Basic)
                        .requestMatchers(PartyAuthorization.TOKEN_ENDPOINTS).permitAll()
                        .requestMatchers(PartyAuthorization.ASW_PATHS).access(parties.asw())
                        .requestMatchers(PartyAuthorization.CCPIT_PATHS).access(parties.ccpit())
                        .requestMatchers(PartyAuthorization.DCSA_PATHS).access(parties.dcsa())
                        .requestMatchers(PartyAuthorization.CUSTOMS_PATHS).access(parties.customs())
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> parties.refuse(request, response))
                        .accessDeniedHandler((request, response, e) -> parties.refuse(request, response)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<Filter> partySecurityRegistration(
            @Qualifier(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME) Filter springSecurityFilterChain) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(springSecurityFilterChain);
        registration.setOrder(FILTER_ORDER);
        registration.setName("sandboxSecurityFilterChain");
        return registration;
    }
}
