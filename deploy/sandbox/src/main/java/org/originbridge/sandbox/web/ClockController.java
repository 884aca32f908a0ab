package org.originbridge.sandbox.web;

import java.time.Duration;
import java.time.Instant;
import org.originbridge.sandbox.SandboxProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/clock} and {@code POST /sandbox/clock/advance?seconds=N}: lets an
 * end-to-end run move CCPIT and DCSA time forward instead of sleeping. Off with
 * {@code sandbox.clock.adjustable=false}.
 */
@RestController
@RequestMapping("/sandbox/clock")
public class ClockController {

    public record ClockView(Instant now, long offsetSeconds) {}

    private final SandboxClock clock;
    private final boolean adjustable;

    public ClockController(SandboxClock clock, SandboxProperties properties) {
        this.clock = clock;
        this.adjustable = properties.clock().adjustable();
    }

    @GetMapping
    public ClockView now() {
        return new ClockView(clock.instant(), clock.offset().toSeconds());
    }

    @PostMapping("/advance")
    public ClockView advance(@RequestParam long seconds) {
        if (!adjustable) {
            throw new ConflictException("the sandbox clock is not adjustable (sandbox.clock.adjustable=false)");
        }
        if (seconds < 0) {
            throw new BadRequestException("seconds", "must be >= 0");
        }
        clock.advance(Duration.ofSeconds(seconds));
        return now();
    }
}
