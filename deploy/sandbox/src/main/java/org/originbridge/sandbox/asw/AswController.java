package org.originbridge.sandbox.asw;

import jakarta.validation.Valid;
import org.originbridge.sandbox.ledger.CallLedger;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ASEAN Single Window verification: {@code POST /asw/v1/verifications}. Contract: /openapi/asw.yaml. */
@RestController
@RequestMapping("/asw/v1")
public class AswController {

    private final AswVerifier verifier;
    private final CallLedger ledger;

    public AswController(SandboxClock clock, CallLedger ledger) {
        this.verifier = new AswVerifier(clock);
        this.ledger = ledger;
    }

    /** With an {@code Idempotency-Key}, the same key answers the same result (the first one) again. */
    @PostMapping("/verifications")
    public VerificationResult verify(@Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ledger.record(CallLedger.Party.ASW, request.declarationId(), idempotencyKey);
        return verifier.verify(request, idempotencyKey);
    }
}
