package org.originbridge.sandbox.asw;

import java.time.Instant;

/** {@code POST /asw/v1/verifications} answer: an outcome and the three checks that justify it. */
public record VerificationResult(String aswReference, Outcome outcome, Checks checks, Instant verifiedAt) {

    public enum Outcome { VERIFIED, NOT_VERIFIED }

    public enum CheckStatus { VALID, INVALID, SKIPPED }

    public record Check(CheckStatus status, String reason) {
        static Check valid(String reason) {
            return new Check(CheckStatus.VALID, reason);
        }

        static Check invalid(String reason) {
            return new Check(CheckStatus.INVALID, reason);
        }

        static Check skipped(String reason) {
            return new Check(CheckStatus.SKIPPED, reason);
        }
    }

    public record Checks(Check documentIntegrity, Check issuanceStatus, Check issuerIdentity) {
        boolean allValid() {
            return documentIntegrity.status() == CheckStatus.VALID
                    && issuanceStatus.status() == CheckStatus.VALID
                    && issuerIdentity.status() == CheckStatus.VALID;
        }
    }
}
