package org.originbridge.platform.signing;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** A {@link TokenSigner} for services that set {@code originbridge.signing.secret} (ORIGINBRIDGE_SIGNING_SECRET). */
@AutoConfiguration
@ConditionalOnProperty("originbridge.signing.secret")
public class SigningAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenSigner tokenSigner(@Value("${originbridge.signing.secret}") String secret, ObjectProvider<Clock> clock) {
        return new TokenSigner(secret, clock.getIfAvailable(Clock::systemUTC));
    }
}
