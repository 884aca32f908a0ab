package org.originbridge.platform.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Declaration hops of HTTP requests ({@link DeclarationHttpHops}), right after Boot's HTTP server
 * observation filter (which opens the request's span) and before security, so refused requests
 * are hops too. Kafka hops are logged by the platform's listener wrapper ({@link Hops#consume}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ObservabilityAutoConfiguration {

    /** Boot's ServerHttpObservationFilter runs at HIGHEST_PRECEDENCE + 1. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    FilterRegistrationBean<DeclarationHttpHops> originbridgeDeclarationHttpHops() {
        FilterRegistrationBean<DeclarationHttpHops> registration = new FilterRegistrationBean<>(new DeclarationHttpHops());
        registration.setOrder(ORDER);
        return registration;
    }
}
