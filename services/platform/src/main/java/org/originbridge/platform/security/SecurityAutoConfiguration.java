package org.originbridge.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One Spring Security filter chain for every OriginBridge service: stateless OAuth2 resource server
 * (JWTs validated by Boot's decoder against the authorization server's JWKS, issuer, audience
 * {@code originbridge} and expiry; scopes become {@code SCOPE_*} authorities), deny by default:
 * <ol>
 *   <li>public paths ({@code originbridge.security.public-paths}, plus the OpenAPI document
 *       {@link #OPEN_API_DOCS_PATHS}) and actuator health/info/prometheus are open; public paths are
 *       rate-limited per client address and carry the CORS policy;</li>
 *   <li>each {@code originbridge.security.access} rule needs one of its scopes;</li>
 *   <li>everything else needs a valid token.</li>
 * </ol>
 * Spring Security's StrictHttpFirewall stays in front (encoded/doubled slashes, dot segments and
 * path parameters are refused with 400). Refusals are problem+json.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class SecurityAutoConfiguration {

    static final List<String> OPEN_ACTUATOR_PATHS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus");

    /** Each service's OpenAPI document (springdoc): public like the other public paths (rate-limited, CORS). */
    public static final List<String> OPEN_API_DOCS_PATHS = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**");

    @Bean
    SecurityFilterChain originbridgeSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        RequestMatcher publicPaths = publicPaths(properties);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(a -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(corsSource(properties, publicPaths)))
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers(publicPaths).permitAll();
                    authorize.requestMatchers(OPEN_ACTUATOR_PATHS.toArray(String[]::new)).permitAll();
                    for (SecurityProperties.AccessRule rule : properties.access()) {
                        String[] authorities = rule.scopes().stream().map(s -> "SCOPE_" + s).toArray(String[]::new);
                        if (rule.method() == null || rule.method().isBlank()) {
                            authorize.requestMatchers(rule.path()).hasAnyAuthority(authorities);
                        } else {
                            authorize.requestMatchers(HttpMethod.valueOf(rule.method().trim().toUpperCase()), rule.path())
                                    .hasAnyAuthority(authorities);
                        }
                    }
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(jwt -> { })
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(new PublicRateLimitFilter(publicPaths, properties.publicRequestsPerMinute()),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    RequestRejectedHandler originbridgeRequestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    WebMvcConfigurer originbridgeCallerResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static RequestMatcher publicPaths(SecurityProperties properties) {
        List<String> paths = new java.util.ArrayList<>(properties.publicPaths());
        paths.addAll(OPEN_API_DOCS_PATHS);
        return new OrRequestMatcher(paths.stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }

    /**
     * Browsers may call the public paths from the configured origins only (none by default), and the
     * protected {@code bearer-paths} from the {@code bearer-origins} with an access token in the
     * Authorization header (never cookies); nothing else.
     */
    private static CorsConfigurationSource corsSource(SecurityProperties properties, RequestMatcher publicPaths) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.cors().allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD"));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        RequestMatcher bearerPaths = matcher(properties.cors().bearerPaths());
        CorsConfiguration bearer = new CorsConfiguration();
        bearer.setAllowedOrigins(properties.cors().bearerOrigins());
        bearer.setAllowedMethods(List.of("GET", "HEAD"));
        bearer.setAllowedHeaders(List.of("Authorization"));
        bearer.setExposedHeaders(List.of("Content-Disposition"));
        bearer.setAllowCredentials(false);
        bearer.setMaxAge(3600L);
        return request -> publicPaths.matches(request) ? config : bearerPaths.matches(request) ? bearer : null;
    }

    private static RequestMatcher matcher(List<String> paths) {
        if (paths.isEmpty()) {
            return request -> false;
        }
        return new OrRequestMatcher(paths.stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }
}
