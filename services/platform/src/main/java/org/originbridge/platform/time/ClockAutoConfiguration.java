package org.originbridge.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service (docs/CONVENTIONS.md "One way each"): the system clock in UTC, unless the
 * application (or a test) declares its own {@code Clock} bean. Code takes the clock by injection and never calls
 * {@code Clock.systemUTC()} itself, so a test can fix or move time for the whole service in one place.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
