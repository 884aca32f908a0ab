package org.originbridge.sandbox.chaos;

import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /sandbox/chaos}: read or change the chaos at run time (absent fields keep their
 * value). {@code failNext}/{@code failNextStatus} script the next N party requests to fail.
 */
@RestController
@RequestMapping("/sandbox/chaos")
public class ChaosController {

    /** Wire shape; milliseconds keep the JSON readable. */
    public record ChaosView(Long latencyMinMs, Long latencyMaxMs, Double failureRate, Long rateLimitPerSecond,
            Integer failNext, Integer failNextStatus) {}

    private final ChaosControl chaos;

    public ChaosController(ChaosControl chaos) {
        this.chaos = chaos;
    }

    @GetMapping
    public ChaosView current() {
        return view(chaos.settings());
    }

    @PutMapping
    public synchronized ChaosView change(@RequestBody ChaosView change) {
        ChaosSettings now = chaos.settings();
        ChaosSettings next = new ChaosSettings(
                change.latencyMinMs() != null ? Duration.ofMillis(change.latencyMinMs()) : now.latencyMin(),
                change.latencyMaxMs() != null ? Duration.ofMillis(change.latencyMaxMs()) : now.latencyMax(),
                change.failureRate() != null ? change.failureRate() : now.failureRate(),
                change.rateLimitPerSecond() != null ? change.rateLimitPerSecond() : now.rateLimitPerSecond());
        if (change.failNext() != null || change.failNextStatus() != null) {
            chaos.failNext(change.failNext() != null ? change.failNext() : chaos.failNextRemaining(),
                    change.failNextStatus() != null ? change.failNextStatus() : chaos.failNextStatus());
        }
        return view(chaos.apply(next));
    }

    private ChaosView view(ChaosSettings s) {
        return new ChaosView(s.latencyMin().toMillis(), s.latencyMax().toMillis(), s.failureRate(), s.rateLimitPerSecond(),
                chaos.failNextRemaining(), chaos.failNextStatus());
    }
}
