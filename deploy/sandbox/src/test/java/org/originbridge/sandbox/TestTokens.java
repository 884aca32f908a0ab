package org.originbridge.sandbox;

import java.time.Instant;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only tokens and settings (the repository holds no token for the running sandbox). The
 * sandbox clock is pinned so that no test waits for time to pass.
 */
public final class TestTokens {

    public static final String ASW = "test-only-asw-token";
    public static final String EXPORTER_A = "EXP-A";
    public static final String EXPORTER_A_TOKEN = "test-only-ccpit-token-a";
    public static final String EXPORTER_B = "EXP-B";
    public static final String EXPORTER_B_TOKEN = "test-only-ccpit-token-b";
    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private TestTokens() {}

    @TestConfiguration(proxyBeanMethods = false)
    public static class PinnedClock {
        @Bean
        @Primary
        SandboxClock pinnedSandboxClock() {
            return SandboxClock.fixed(T0);
        }
    }
}
