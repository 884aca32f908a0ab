package org.originbridge.platform.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import tools.jackson.core.StreamReadConstraints;

/**
 * Applies {@link RequestLimitsProperties} in every servlet service: the body size filter runs first (before
 * authentication: an oversized body costs nothing to refuse), and Spring's JSON mapper reads under
 * Jackson's {@link StreamReadConstraints} (depth, number, string and name lengths).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class RequestLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> originbridgeRequestSizeLimitFilter(RequestLimitsProperties limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer originbridgeJsonReadConstraints(RequestLimitsProperties limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(limits.maxJsonNumberLength())
                .maxStringLength(limits.maxJsonStringLength())
                .maxNameLength(limits.maxJsonNameLength())
                .maxDocumentLength(limits.maxRequestSize().toBytes())
                .build();
        return builder -> builder.streamReadConstraints(constraints);
    }
}
