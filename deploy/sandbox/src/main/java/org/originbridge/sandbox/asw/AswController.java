package org.originbridge.sandbox.asw;

import jakarta.validation.Valid;
import java.util.Set;
import org.originbridge.sandbox.ledger.CallLedger;
import org.originbridge.sandbox.verification.Channels;
import org.originbridge.sandbox.verification.DestinationRevocations;
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
 * Only ASEAN Member States: any other destination is refused. Contract: /openapi/asw.yaml.
 */
@RestController
@RequestMapping("/asw")
public class AswController {

    static final int REVOCATIONS_PAGE = 500;

    private final AswVerifier verifier;
    private final CallLedger ledger;
    private final DestinationRevocations revocations;

    public AswController(AswVerifier destinationVerifier, CallLedger ledger, DestinationRevocations revocations) {
        this.verifier = destinationVerifier;
        this.ledger = ledger;
        this.revocations = revocations;
    }

    /** With an {@code Idempotency-Key}, the same key answers the same result (the first one) again. */
    @PostMapping("/v1/verifications")
    public VerificationResult verify(@Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ledger.record(CallLedger.Party.ASW, request.declarationId(), idempotencyKey);
        return verifier.verify(request, idempotencyKey);
    }

    @PostMapping("/nsw/{memberState}/v1/verifications")
    public VerificationResult verifyAt(@PathVariable String memberState, @Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String channel = Channels.nationalSingleWindow(memberState);
        ledger.record(CallLedger.Party.ASW, request.declarationId(), idempotencyKey);
        return verifier.verify(channel, Set.of(memberState), request, idempotencyKey);
    }

    @GetMapping("/nsw/{memberState}/v1/revocations")
    public DestinationRevocations.Page revocations(@PathVariable String memberState,
            @RequestParam(defaultValue = "0") long after) {
        if (after < 0) {
            throw new org.originbridge.sandbox.web.BadRequestException("after", "must be 0 or more");
        }
        return revocations.after(Channels.nationalSingleWindow(memberState), after, REVOCATIONS_PAGE);
    }
}
