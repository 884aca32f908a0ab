package org.originbridge.sandbox.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox control (like {@code /sandbox/chaos}, open on loopback): a destination channel revokes a
 * certificate, {@code POST /sandbox/verification-channels/{channel}/revocations}
 * {@code {"certificateNumber": "...", "reason": "..."}}. The channel then answers it NOT_VERIFIED and
 * lists it on its {@code .../v1/revocations} feed. Revoking the same certificate again changes nothing.
 */
@RestController
@RequestMapping("/sandbox/verification-channels/{channel}/revocations")
public class RevocationControlController {

    public record RevokeRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/._-]*", message = "must be a certificate number")
            String certificateNumber,
            @Size(max = 500) String reason) {}

    private final DestinationRevocations revocations;
    private final SandboxClock clock;

    public RevocationControlController(DestinationRevocations revocations, SandboxClock clock) {
        this.revocations = revocations;
        this.clock = clock;
    }

    @PostMapping
    public DestinationRevocations.Revocation revoke(@PathVariable String channel, @Valid @RequestBody RevokeRequest request) {
        return revocations.revoke(Channels.channel(channel), request.certificateNumber(),
                request.reason() == null || request.reason().isBlank() ? "revoked at destination" : request.reason(), clock.instant());
    }
}
