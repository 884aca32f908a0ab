package org.originbridge.sandbox.verification;

import jakarta.validation.Valid;
import org.originbridge.sandbox.asw.AswVerifier;
import org.originbridge.sandbox.asw.VerificationRequest;
import org.originbridge.sandbox.asw.VerificationResult;
import org.originbridge.sandbox.ledger.CallLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The non-ASEAN Parties' customs verification channels, one per Party (JP, KR, AU, NZ, CN; channel
 * {@code <party>-CUSTOMS}): {@code POST /customs/{party}/v1/verifications} and
 * {@code GET /customs/{party}/v1/revocations?after=}. Each channel verifies only for its own Party
 * as destination (same rules as the ASW windows, {@link AswVerifier}; what a channel answers is
 * {@link VerificationChannelEndpoints}'s). Contract: /openapi/customs.yaml.
 */
@RestController
@RequestMapping("/customs/{party}/v1")
public class CustomsController extends VerificationChannelEndpoints {

    public CustomsController(AswVerifier destinationVerifier, CallLedger ledger, DestinationRevocations revocations) {
        super(destinationVerifier, ledger, revocations);
    }

    @PostMapping("/verifications")
    public VerificationResult verify(@PathVariable String party, @Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return verifyOn(Channels.customs(party), party, request, idempotencyKey);
    }

    @GetMapping("/revocations")
    public DestinationRevocations.Page revocations(@PathVariable String party,
            @RequestParam(defaultValue = "0") long after) {
        return revocationsOf(Channels.customs(party), after);
    }
}
