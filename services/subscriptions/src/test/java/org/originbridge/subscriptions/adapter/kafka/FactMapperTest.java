package org.originbridge.subscriptions.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.CheckResult;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Fact;
import org.originbridge.testsupport.AvroBuilders;

/**
 * Issue 10: a verification outcome's event type. Only VERIFIED is {@code declaration.verified}; NOT_APPLICABLE (no
 * channel for the destination) and a revocation have types of their own; NOT_VERIFIED, FAILED and UNKNOWN are
 * {@code declaration.not-verified}. The natural id stays the verification version's, whatever the type.
 */
class FactMapperTest {

    private static final CheckResult INVALID = CheckResult.newBuilder().setStatus(CheckStatus.INVALID)
            .setReason("certificate CCPIT-RCEP-1 revoked by CN-CCPIT").build();

    private static VerificationCompleted.Builder verification(String code) {
        return AvroBuilders.verificationCompleted(AvroBuilders.declarationSubmitted("D1").build(), code).setVersion(1);
    }

    private static Fact fact(VerificationCompleted v) {
        return FactMapper.toFact(v);
    }

    @Test
    void onlyAVerifiedOutcomeIsDeclarationVerified() {
        Fact verified = fact(verification("code-1").build());

        assertThat(verified.type()).isEqualTo(EventType.DECLARATION_VERIFIED);
        assertThat(verified.type().wireName()).isEqualTo("declaration.verified");
        assertThat(verified.naturalId()).isEqualTo("declaration.verified/D1/1");
        assertThat(verified.key()).isEqualTo("D1");
    }

    @Test
    void aDestinationWithoutAChannelIsNotApplicableWithItsReason() {
        Fact notApplicable = fact(verification(null).setOutcome(VerificationOutcome.NOT_APPLICABLE)
                .setReason("JP has no verification channel configured in this deployment").build());

        assertThat(notApplicable.type().wireName()).isEqualTo("declaration.verification-not-applicable");
        assertThat(notApplicable.payloadJson()).contains("\"outcome\":\"NOT_APPLICABLE\"")
                .contains("JP has no verification channel configured");
    }

    @Test
    void aRevocationIsTheNotVerifiedVersionThatKeepsTheCodeOfTheVerifiedOne() {
        Fact revoked = fact(verification("code-1").setVersion(2).setOutcome(VerificationOutcome.NOT_VERIFIED)
                .setIssuanceStatus(INVALID).setReason("revoked by CN-CCPIT").build());

        assertThat(revoked.type().wireName()).isEqualTo("declaration.verification-revoked");
        assertThat(revoked.naturalId()).as("the same event as before the split, when redelivered")
                .isEqualTo("declaration.verified/D1/2");
    }

    @Test
    void notVerifiedFailedAndUnknownOutcomesAreNotVerified() {
        // the channel answered "not verified" at the first verification: no code, even with the issuance INVALID
        assertThat(fact(verification(null).setOutcome(VerificationOutcome.NOT_VERIFIED).setIssuanceStatus(INVALID)
                .build()).type()).isEqualTo(EventType.DECLARATION_NOT_VERIFIED);
        assertThat(fact(verification("").setOutcome(VerificationOutcome.NOT_VERIFIED).setIssuanceStatus(INVALID)
                .build()).type()).as("a blank code is no code").isEqualTo(EventType.DECLARATION_NOT_VERIFIED);
        // a code but the issuance check not INVALID: not a revocation
        assertThat(fact(verification("code-1").setOutcome(VerificationOutcome.NOT_VERIFIED).build()).type())
                .isEqualTo(EventType.DECLARATION_NOT_VERIFIED);
        assertThat(fact(verification(null).setOutcome(VerificationOutcome.FAILED)
                .setReason("ASW-MY refused the verification request (HTTP 422)").build()).type())
                .isEqualTo(EventType.DECLARATION_NOT_VERIFIED);
        assertThat(fact(verification("code-1").setOutcome(VerificationOutcome.UNKNOWN).build()).type())
                .as("an outcome this version does not know is never announced as verified")
                .isEqualTo(EventType.DECLARATION_NOT_VERIFIED);
        assertThat(EventType.DECLARATION_NOT_VERIFIED.wireName()).isEqualTo("declaration.not-verified");
    }

    @Test
    void everyVerificationTypeIsAnECoEventAndKnownByItsWireName() {
        for (EventType type : new EventType[] {EventType.DECLARATION_VERIFIED, EventType.DECLARATION_NOT_VERIFIED,
                EventType.DECLARATION_VERIFICATION_NOT_APPLICABLE, EventType.DECLARATION_VERIFICATION_REVOKED}) {
            assertThat(type.audience()).isEqualTo(EventType.Audience.ECO);
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(EventType.fromWireName("declaration.revoked")).isEmpty();
    }

    @Test
    void aVerificationWithoutItsDeclarationIdIsBadData() {
        assertThatThrownBy(() -> fact(verification("code-1").setDeclarationId(" ").build()))
                .isInstanceOf(InvalidRecordException.class);
    }
}
