package org.originbridge.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One Clock per service: the platform's UTC system clock, unless the application or a test declares its own. */
class ClockAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void aServiceWithoutItsOwnClockGetsTheSystemClockInUtc() {
        contexts.run(context -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void aClockTheApplicationDeclaresWinsAndIsTheOnlyOne() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC);
        contexts.withBean("fixedClock", Clock.class, () -> fixed)
                .run(context -> {
                    assertThat(context).hasSingleBean(Clock.class);
                    assertThat(context.getBean(Clock.class)).isSameAs(fixed);
                });
    }
}
