package org.originbridge.sandbox;

import java.net.http.HttpClient;
import java.time.Duration;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    /** Every time-driven rule (CCPIT status, DCSA events) reads this clock; tests and e2e runs advance it. */
    @Bean
    SandboxClock sandboxClock() {
        return SandboxClock.system();
    }

    /** Used for DCSA subscription callbacks. */
    @Bean
    RestClient callbackRestClient() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(5));
        return RestClient.builder().requestFactory(factory).build();
    }
}
