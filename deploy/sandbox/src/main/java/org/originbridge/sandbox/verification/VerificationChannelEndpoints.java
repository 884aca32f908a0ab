package org.originbridge.sandbox.verification;

import java.util.Set;
import org.originbridge.sandbox.asw.AswVerifier;
import org.originbridge.sandbox.asw.VerificationRequest;
import org.originbridge.sandbox.asw.VerificationResult;
import org.originbridge.sandbox.ledger.CallLedger;
import org.originbridge.sandbox.web.BadRequestException;

/**
 * What every destination verification channel answers, whichever URL it is reached at (the ASEAN Single Window's
 * national windows, {@code AswController}; the other Parties' customs, {@link CustomsController}): a verification of
 * one request for the channel's own Party as destination ({@link AswVerifier}), counted in the call ledger with the
 * ASW calls (the fault suite counts destination verification calls), and the channel's revoked certificates, a page
 * at a time. The subclasses only map their URLs to a channel.
 */
public abstract class VerificationChannelEndpoints {

    static final int REVOCATIONS_PAGE = 500;

    private final AswVerifier verifier;
    private final CallLedger ledger;
    private final DestinationRevocations revocations;

    protected VerificationChannelEndpoints(AswVerifier verifier, CallLedger ledger, DestinationRevocations revocations) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.revocations = revocations;
    }

    /** Verifies {@code request} on {@code channel}, which verifies only for {@code party} as destination. */
    protected VerificationResult verifyOn(String channel, String party, VerificationRequest request, String idempotencyKey) {
        record(request, idempotencyKey);
        return verifier.verify(channel, Set.of(party), request, idempotencyKey);
    }

    /** The verifier, for an entry that picks its channel from the request (the earlier ASW entry). */
    protected AswVerifier verifier() {
        return verifier;
    }

    /** Records the call in the ledger (also for an entry that picks its channel itself). */
    protected void record(VerificationRequest request, String idempotencyKey) {
        ledger.record(CallLedger.Party.ASW, request.declarationId(), idempotencyKey);
    }

    /** The channel's revocations after sequence {@code after} (0 or more), at most {@link #REVOCATIONS_PAGE}. */
    protected DestinationRevocations.Page revocationsOf(String channel, long after) {
        if (after < 0) {
            throw new BadRequestException("after", "must be 0 or more");
        }
        return revocations.after(channel, after, REVOCATIONS_PAGE);
    }
}
