package org.originbridge.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.originbridge.auth.clients.ClientDefinition;
import org.originbridge.auth.clients.ClientStore;
import org.originbridge.auth.keys.SigningKeys;
import org.originbridge.auth.users.UserAccounts;
import org.originbridge.auth.users.UserDefinition;
import org.originbridge.auth.users.UserStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server wired to the identity contract: clients from {@code clients.json},
 * users from {@code users.json}, ES256 keys from {@code signing-keys.json} (all in the data
 * directory), the contract's claims on every access token. Grants: client_credentials for machine
 * clients, authorization code with PKCE for sign-in clients (the importer portal). Two filter
 * chains: the OAuth2 endpoints ({@code /oauth2/authorize}, {@code /oauth2/token},
 * {@code /oauth2/jwks}, metadata), then the login form, actuator health/info/prometheus open and
 * everything else denied.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    SigningKeys signingKeys(AuthServerProperties properties) {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDirectory(properties));
        LOG.info("signing with ES256 key kid={} ({} key(s) published at /oauth2/jwks)", keys.active().getKeyID(),
                keys.publicKeys().size());
        return keys;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.all());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthServerProperties properties, PasswordEncoder encoder) {
        Path directory = dataDirectory(properties);
        List<ClientDefinition> clients = ClientStore.loadOrSeed(directory);
        LOG.info("{} client(s) from {}: {}", clients.size(), directory.resolve(ClientStore.FILE_NAME),
                clients.stream().map(ClientDefinition::clientId).toList());
        return RegisteredClients.repository(clients, encoder, properties.accessTokenTtl());
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new PendingCodesAuthorizationService(Clock.systemUTC());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(SigningKeys keys) {
        return new IdentityClaims(keys);
    }

    /** The Apicurio serdes call the token endpoint with a trailing slash: see {@link TokenEndpointTrailingSlash}. */
    @Bean
    FilterRegistrationBean<TokenEndpointTrailingSlash> tokenEndpointTrailingSlash() {
        FilterRegistrationBean<TokenEndpointTrailingSlash> registration =
                new FilterRegistrationBean<>(new TokenEndpointTrailingSlash());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    /** The people who sign in at the login form: {@code users.json} (seeded with the demo importer user). */
    @Bean
    UserDetailsService users(AuthServerProperties properties, PasswordEncoder encoder) {
        Path directory = dataDirectory(properties);
        List<UserDefinition> users = UserStore.loadOrSeed(directory, encoder);
        LOG.info("{} user(s) from {}: {}", users.size(), directory.resolve(UserStore.FILE_NAME),
                users.stream().map(UserDefinition::username).toList());
        return new UserAccounts(users);
    }

    /**
     * The OAuth2 endpoints. {@code /oauth2/authorize} needs a signed-in user: a browser without a
     * session is sent to the login form, and comes back to the same authorization request after
     * signing in (the session holds it). The token endpoint authenticates clients and keeps no session.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    /**
     * The login form (Spring Security's page at {@code /login}, CSRF-protected, session cookie) and
     * sign-out; actuator health/info/prometheus open; everything else denied.
     */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error", "/login").permitAll()
                        .anyRequest().denyAll())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                // nothing else here is for browsers: a refused request is 401, not a redirect to the form.
                // A default entry point, not authenticationEntryPoint(...): an explicit one makes Spring
                // Security drop its generated login page (DefaultLoginPageConfigurer), and /login answers 404.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    private static Path dataDirectory(AuthServerProperties properties) {
        return DataFiles.ensureDirectory(properties.dataDirectory().toAbsolutePath());
    }
}
