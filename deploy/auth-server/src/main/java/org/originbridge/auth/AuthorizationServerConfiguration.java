package org.originbridge.auth;

import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.originbridge.auth.clients.ClientDefinition;
import org.originbridge.auth.clients.ClientStore;
import org.originbridge.auth.keys.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server wired to the identity contract: clients from {@code clients.json},
 * ES256 keys from {@code signing-keys.json} (both in the data directory), the contract's claims on
 * every access token. Two filter chains: the OAuth2 endpoints ({@code /oauth2/token},
 * {@code /oauth2/jwks}, metadata), then actuator health/info/prometheus open and everything else denied.
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
        return new NoStoreAuthorizationService();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(SigningKeys keys) {
        return new IdentityClaims(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    /** No users: only clients authenticate here (also keeps Boot from generating a default user). */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static Path dataDirectory(AuthServerProperties properties) {
        return DataFiles.ensureDirectory(properties.dataDirectory().toAbsolutePath());
    }
}
