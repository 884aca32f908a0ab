package org.originbridge.status.adapter.web;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.platform.security.SecurityProperties;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;

/** Wires the public verification face: languages, cards, live streams, security headers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
@EnableScheduling // Spring's TaskScheduler (Boot's, named taskScheduler) polls the live streams
public class WebConfiguration {

    /** Named {@code localeResolver}: the DispatcherServlet picks it up by that name. */
    @Bean
    LocaleResolver localeResolver() {
        return new Languages();
    }

    @Bean
    VerificationCards verificationCards(MessageSource messageSource, WebProperties web) {
        return new VerificationCards(messageSource, web);
    }

    @Bean
    LiveVerifications liveVerifications(StatusQueries queries, VerificationCards cards, WebProperties web,
            MeterRegistry meters, TaskScheduler scheduler) {
        return new LiveVerifications(queries, cards, web.live(), meters, scheduler);
    }

    @Bean
    FilterRegistrationBean<WebHeaders> originbridgeWebHeaders(WebProperties web, SecurityProperties security) {
        List<String> ancestors = web.frameAncestors().isEmpty() ? security.cors().allowedOrigins() : web.frameAncestors();
        FilterRegistrationBean<WebHeaders> registration = new FilterRegistrationBean<>(new WebHeaders(ancestors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
