package org.originbridge.sandbox.verification;

import org.originbridge.sandbox.asw.AswVerifier;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One rule engine for every destination channel the sandbox plays (ASW national single windows, customs). */
@Configuration(proxyBeanMethods = false)
class VerificationChannelsConfiguration {

    @Bean
    AswVerifier destinationVerifier(SandboxClock clock, IssuedCertificates issued, DestinationRevocations revocations) {
        return new AswVerifier(clock, issued, revocations);
    }
}
