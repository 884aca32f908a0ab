package org.originbridge.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import org.originbridge.platform.security.Caller;
import org.originbridge.platform.security.SecurityAutoConfiguration;
import org.originbridge.platform.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service serves its OpenAPI document (springdoc: {@code /v3/api-docs}, {@code /v3/api-docs.yaml},
 * public and rate-limited like the other public paths): the paths and methods come from the
 * controllers, the security of each operation from the same {@link SecurityProperties} the filter
 * chain enforces ({@link OpenApiSecurity}). The checked-in copies live in {@code docs/api/}; the
 * end-to-end test {@code OpenApiContractIT} fails when they disagree (docs/api.md).
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    static {
        // the caller comes from the access token, never from the request: not an API parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * The document's frame. Servers is one relative entry so the document does not change with the
     * port a service listens on; the token URL is the authorization server's token endpoint.
     */
    @Bean
    OpenAPI originbridgeOpenApi(@Value("${spring.application.name:originbridge}") String application) {
        return new OpenAPI()
                .info(new io.swagger.v3.oas.models.info.Info()
                        .title("OriginBridge " + application)
                        .version("v1")
                        .description("HTTP API of OriginBridge's " + application + " service. Every operation that "
                                + "lists the oauth2 scheme needs an access token (client credentials) from the "
                                + "OriginBridge authorization server; operations with an empty security list are public "
                                + "and rate-limited per client address. See docs/security.md and docs/api.md.")
                        .license(new io.swagger.v3.oas.models.info.License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OpenApiCustomizer originbridgeOpenApiSecurity(ObjectProvider<SecurityProperties> security,
            @Value("${originbridge.openapi.token-url:http://127.0.0.1:8088/oauth2/token}") String tokenUrl) {
        SecurityProperties settings = security.getIfAvailable();
        if (settings == null) {
            // the platform's security is switched off (an application that excludes it): nothing to state
            return api -> { };
        }
        OpenApiSecurity rules = new OpenApiSecurity(settings, tokenUrl);
        return rules::apply;
    }
}
