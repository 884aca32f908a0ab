package org.originbridge.sandbox.asw;

import jakarta.validation.Valid;
import org.originbridge.sandbox.ledger.CallLedger;
import org.originbridge.sandbox.verification.Channels;
import org.originbridge.sandbox.verification.DestinationRevocations;
import org.originbridge.sandbox.verification.VerificationChannelEndpoints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ASEAN Single Window verification, addressed to the importing Member State's national single
 * window: {@code POST /asw/nsw/{memberState}/v1/verifications} (channel {@code ASW-<memberState>}),
 * its revoked certificates {@code GET /asw/nsw/{memberState}/v1/revocations?after=}, and the
 * earlier entry {@code POST /asw/v1/verifications} (the window of the body's importingCountry).
 * Only ASEAN Member States: any other destination is refused. Contract: /openapi/asw.yaml. What a channel
 * answers is {@link VerificationChannelEndpoints}'s, shared with the customs channels.
 */
@RestController
@RequestMapping("/asw")
public class AswController extends VerificationChannelEndpoints {

    public AswController(AswVerifier destinationVerifier, CallLedger ledger, DestinationRevocations revocations) {
        super(destinationVerifier, ledger, revocations);
    }

    /** With an {@code Idempotency-Key}, the same key answers the same result (the first one) again. */
    @PostMapping("/v1/verifications")
    public VerificationResult verify(@Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        record(request, idempotencyKey);
        return verifier().verify(request, idempotencyKey);
    }

    @PostMapping("/nsw/{memberState}/v1/verifications")
    public VerificationResult verifyAt(@PathVariable String memberState, @Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return verifyOn(Channels.nationalSingleWindow(memberState), memberState, request, idempotencyKey);
    }

    @GetMapping("/nsw/{memberState}/v1/revocations")
    public DestinationRevocations.Page revocations(@PathVariable String memberState,
            @RequestParam(defaultValue = "0") long after) {
        return revocationsOf(Channels.nationalSingleWindow(memberState), after);
    }
}
