package org.originbridge.sandbox.issuing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.originbridge.sandbox.SandboxProperties;
import org.originbridge.sandbox.ccpit.CcpitRegistry;
import org.originbridge.sandbox.vnmoit.EnterpriseTokens;
import org.originbridge.sandbox.vnmoit.VnMoitRegistry;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The issuing authorities the sandbox plays (CN-CCPIT, VN-MOIT): their registries, VN-MOIT's enterprise tokens and
 * the signed status notifications each pushes to its configured callback URL (none configured: no pushes).
 * Settings: {@code sandbox.vn-moit.enterprise-tokens} ({@code enterpriseCode=token,...}), {@code sandbox.vn-moit.step},
 * {@code sandbox.{ccpit,vn-moit}.callback-url} and {@code .callback-secret}, {@code sandbox.issuing.notify-interval},
 * {@code sandbox.issuing.notify-concurrency} (notifications in flight at once, 32).
 */
@Configuration(proxyBeanMethods = false)
public class IssuingConfiguration {


    @Bean
    CcpitRegistry ccpitRegistry(SandboxClock clock, SandboxProperties properties) {
        return new CcpitRegistry(clock, properties.ccpit().step());
    }

    @Bean
    VnMoitRegistry vnMoitRegistry(SandboxClock clock, @Value("${sandbox.vn-moit.step:2s}") Duration step) {
        return new VnMoitRegistry(clock, step);
    }

    /** {@code enterpriseCode=token,...}; no default in the repository. */
    @Bean
    EnterpriseTokens vnMoitEnterpriseTokens(@Value("${sandbox.vn-moit.enterprise-tokens:}") String pairs) {
        return EnterpriseTokens.parse(pairs);
    }

    @Bean
    IssuingNotifications issuingNotifications(CcpitRegistry ccpitRegistry, VnMoitRegistry vnMoitRegistry,
            @Qualifier("callbackRestClient") RestClient http, ObjectMapper json,
            @Value("${sandbox.ccpit.callback-url:}") String ccpitUrl, @Value("${sandbox.ccpit.callback-secret:}") String ccpitSecret,
            @Value("${sandbox.vn-moit.callback-url:}") String vnUrl, @Value("${sandbox.vn-moit.callback-secret:}") String vnSecret,
            @Value("${sandbox.issuing.notify-concurrency:32}") int notifyConcurrency) {
        // each round's notifications are sent concurrently, at most notify-concurrency at once (issue 11)
        java.util.concurrent.ExecutorService sends = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, notifyConcurrency), r -> {
                    Thread t = new Thread(r, "issuing-notify");
                    t.setDaemon(true);
                    return t;
                });
        List<StatusNotifier> list = new ArrayList<>();
        if (!ccpitUrl.isBlank() && !ccpitSecret.isBlank()) {
            list.add(new StatusNotifier("CN-CCPIT", URI.create(ccpitUrl), ccpitSecret, ccpitRegistry::snapshots, http, json,
                    Clock.systemUTC(), sends));
        }
        if (!vnUrl.isBlank() && !vnSecret.isBlank()) {
            list.add(new StatusNotifier("VN-MOIT", URI.create(vnUrl), vnSecret, vnMoitRegistry::snapshots, http, json,
                    Clock.systemUTC(), sends));
        }
        return new IssuingNotifications(list);
    }

    /** The configured notifiers, run on the sandbox's scheduler. */
    public static final class IssuingNotifications {
        private final List<StatusNotifier> notifiers;

        IssuingNotifications(List<StatusNotifier> notifiers) {
            this.notifiers = List.copyOf(notifiers);
        }

        @Scheduled(fixedDelayString = "${sandbox.issuing.notify-interval:500ms}")
        public void deliver() {
            notifiers.forEach(StatusNotifier::deliverChanges);
        }

        public int size() {
            return notifiers.size();
        }
    }
}
