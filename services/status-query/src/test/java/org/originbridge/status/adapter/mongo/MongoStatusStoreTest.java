package org.originbridge.status.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.status.domain.DeclarationFilter;
import org.originbridge.status.domain.DeclarationProjection;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.ProjectionResult;
import org.originbridge.status.domain.SigningKeyRecord;
import org.originbridge.status.domain.VerificationRecord;
import org.originbridge.status.domain.References;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * The idempotency of the projection: the guarded upserts against a MongoDB wire server. Applying
 * the same event twice, or an older version after a newer one, changes nothing.
 */
class MongoStatusStoreTest {

    private MongoStatusStore store;
    private String id;

    @BeforeEach
    void freshDatabase() {
        store = new MongoStatusStore(EmbeddedMongo.freshDatabase("store-test"));
        store.createIndexes();
        id = "DECL-" + UUID.randomUUID();
    }

    @Test
    void intakeFactsAreAppliedOnceAndAnOutcomeBeatsTheSubmissionItAnswers() {
        IntakeRecord submitted = IntakeRecord.of(IntakeRecord.SUBMITTED, T0, null, null);
        IntakeRecord accepted = IntakeRecord.of(IntakeRecord.ACCEPTED, T0,
                null, new IntakeRecord.PreCheck("PERFORMED", "1 of 1 items originating", List.of()));

        assertThat(store.recordIntake(id, "SUP-1", "REF-1", submitted, Fixtures.declaration("REF-1")))
                .isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordIntake(id, "SUP-1", "REF-1", accepted, Fixtures.declaration("REF-1")))
                .isEqualTo(ProjectionResult.APPLIED);
        Document afterAccepted = store.rawDeclaration(id);

        assertThat(store.recordIntake(id, "SUP-1", "REF-1", accepted, Fixtures.declaration("REF-1")))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordIntake(id, "SUP-1", "REF-1", submitted, Fixtures.declaration("REF-1")))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.rawDeclaration(id)).isEqualTo(afterAccepted);

        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.intake().outcome()).isEqualTo("ACCEPTED");
        assertThat(p.intake().preCheck().summary()).isEqualTo("1 of 1 items originating");
        assertThat(p.declaration().goods().get(0).quantity()).isEqualTo("1200.000");
        assertThat(p.declaration().consignment().departureDate()).isEqualTo("2026-11-21");
        assertThat(p.destinationCountry()).isEqualTo("VN");
        assertThat(p.updatedAt()).isEqualTo(T0);
    }

    @Test
    void aStaleSubmissionOnlyFillsInDeclarationDataTheRejectionLacked() {
        IntakeRecord rejected = IntakeRecord.of(IntakeRecord.REJECTED, T0.plusSeconds(1),
                List.of(new IntakeRecord.Problem("goods[0].hsCode", "REQUIRED", "missing")), null);
        store.recordIntake(id, "SUP-1", "REF-1", rejected, null);
        assertThat(store.recordIntake(id, "SUP-1", "REF-1", IntakeRecord.of(IntakeRecord.SUBMITTED, T0, null, null),
                Fixtures.declaration("REF-1"))).isEqualTo(ProjectionResult.STALE);
        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.intake().outcome()).isEqualTo("REJECTED");
        assertThat(p.declaration().referenceNumber()).isEqualTo("REF-1");
        assertThat(p.destinationCountry()).isEqualTo("VN");

        Document filled = store.rawDeclaration(id);
        store.recordIntake(id, "SUP-1", "REF-1", IntakeRecord.of(IntakeRecord.SUBMITTED, T0, null, null),
                Fixtures.declaration("REF-CHANGED"));
        assertThat(store.rawDeclaration(id)).as("data once there is never overwritten by a stale fact").isEqualTo(filled);
    }

    @Test
    void issuanceKeepsTheHighestSequenceAndTheWholeHistoryWhateverTheOrder() {
        assertThat(store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(1, "REQUESTED", T0)))
                .isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(3, "ISSUED", T0.plusSeconds(20))))
                .isEqualTo(ProjectionResult.APPLIED);
        Document afterIssued = store.rawDeclaration(id);
        // a late lower sequence only completes the history
        assertThat(store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(2, "UNDER_REVIEW", T0.plusSeconds(10))))
                .isEqualTo(ProjectionResult.STALE);
        // a duplicate changes nothing at all
        Document beforeDuplicate = store.rawDeclaration(id);
        assertThat(store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(3, "ISSUED", T0.plusSeconds(20))))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.rawDeclaration(id)).isEqualTo(beforeDuplicate);
        assertThat(beforeDuplicate.get("issuance")).isEqualTo(afterIssued.get("issuance"));

        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.issuance().status()).isEqualTo("ISSUED");
        assertThat(p.issuance().certificateNumber()).isEqualTo("CCPIT-2026-0001");
        assertThat(p.issuanceHistory()).extracting(h -> h.status()).containsExactly("REQUESTED", "UNDER_REVIEW", "ISSUED");
        assertThat(store.findByQrToken("qr-token")).map(DeclarationProjection::declarationId).contains(id);
    }

    @Test
    void theIssuedContentAuthorityAndChannelAreKeptForTheStatusViewAndTheConsistencyReport() {
        var i = Fixtures.issuance(1, "ISSUED", T0);
        var content = new org.originbridge.origin.consistency.ShipmentFacts(
                new org.originbridge.origin.consistency.ShipmentFacts.Trader("Ningbo Bright Lamps", "CN"), null, "VN",
                List.of(new org.originbridge.origin.consistency.ShipmentFacts.Item(1, "LED lamps", "940540", "CTH", "1200",
                        "PCE", "18500.00", "USD")),
                "INV-1", java.time.LocalDate.parse("2026-11-18"), null, "EVER GIVEN", "0421W", "CNSHA", "VNCMT");
        store.recordIssuance(id, "SUP-1", "REF-1", new org.originbridge.status.domain.IssuanceRecord(i.status(),
                i.previousStatus(), i.sequence(), i.applicationId(), i.certificateNumber(), i.serialNumber(), i.queryUrl(),
                i.qrToken(), i.reason(), i.changedAt(), "CN-CCPIT", "AVC-9", "ab12", content));
        VerificationRecord v = Fixtures.verification("c", T0);
        store.recordVerification(id, "SUP-1", "REF-1", new VerificationRecord(v.outcome(), v.aswReference(), v.documentHash(),
                v.documentIntegrity(), v.issuanceStatus(), v.issuerIdentity(), v.verificationCode(), v.reason(),
                v.verifiedAt(), v.version(), v.shortCode(), "ASW-VN"));

        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.issuance().issuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(p.issuance().authorityVerificationCode()).isEqualTo("AVC-9");
        assertThat(p.issuance().documentSha256()).isEqualTo("ab12");
        assertThat(p.issuance().issuedContent()).isEqualTo(content);
        assertThat(p.verification().channel()).isEqualTo("ASW-VN");

        // a later status without content (e.g. REVOKED from an older publisher) keeps what the certificate stated
        store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(2, "REVOKED", T0.plusSeconds(60)));
        assertThat(store.findDeclaration(id).orElseThrow().issuance().issuedContent()).isEqualTo(content);
    }

    @Test
    void aRevocationKeepsTheCertificateReferences() {
        store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(1, "ISSUED", T0));
        store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(2, "REVOKED", T0.plusSeconds(60)));
        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.issuance().status()).isEqualTo("REVOKED");
        assertThat(p.issuance().qrToken()).isEqualTo("qr-token");
    }

    @Test
    void verificationIsKeptOnceUnlessALaterOneComes() {
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", Fixtures.verification("code-1", T0)))
                .isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", Fixtures.verification("code-1", T0)))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", Fixtures.verification("code-0", T0.minusSeconds(5))))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.findDeclaration(id).orElseThrow().verification().verificationCode()).isEqualTo("code-1");
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", Fixtures.verification("code-2", T0.plusSeconds(5))))
                .isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.findDeclaration(id).orElseThrow().verification().verificationCode()).isEqualTo("code-2");
    }

    @Test
    void aNewerContentVersionWinsAndAnOlderVersionReplayedLaterChangesNothing() {
        VerificationRecord v1 = Fixtures.verification("code-v1", T0.plusSeconds(60));
        VerificationRecord v2 = withVersion(Fixtures.verification("code-v2", T0), 2);

        assertThat(store.recordVerification(id, "SUP-1", "REF-1", v1)).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", v2)).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", v1)).isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordVerification(id, "SUP-1", "REF-1", v2)).isEqualTo(ProjectionResult.STALE);

        VerificationRecord kept = store.findDeclaration(id).orElseThrow().verification();
        assertThat(kept.verificationCode()).isEqualTo("code-v2");
        assertThat(kept.version()).isEqualTo(2);
        assertThat(kept.shortCode()).isEqualTo(Fixtures.SHORT_CODE);
    }

    private static VerificationRecord withVersion(VerificationRecord r, int version) {
        return new VerificationRecord(r.outcome(), r.aswReference(), r.documentHash(), r.documentIntegrity(), r.issuanceStatus(),
                r.issuerIdentity(), r.verificationCode(), r.reason(), r.verifiedAt(), version, r.shortCode());
    }

    @Test
    void signingKeysAreKeptPerKidNewestPublicationFirst() {
        SigningKeyRecord first = new SigningKeyRecord("asw-verification-1", "asw-verification", "ES256", "{}", T0, null, true, T0);
        SigningKeyRecord retired = new SigningKeyRecord("asw-verification-1", "asw-verification", "ES256", "{}", T0,
                T0.plusSeconds(86_400), false, T0.plusSeconds(60));

        assertThat(store.recordSigningKey(first)).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordSigningKey(retired)).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordSigningKey(first)).isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordSigningKey(retired)).isEqualTo(ProjectionResult.STALE);

        assertThat(store.signingKey("asw-verification-1")).contains(retired);
        assertThat(store.signingKeys()).containsExactly(retired);
        assertThat(store.signingKey("nope")).isEmpty();
    }

    @Test
    void factsArrivingBeforeTheDeclarationAreMergedWithIt() {
        store.recordVerification(id, "SUP-1", "REF-1", Fixtures.verification("code-1", T0.plusSeconds(30)));
        store.recordIssuance(id, "SUP-1", "REF-1", Fixtures.issuance(1, "REQUESTED", T0.plusSeconds(40)));
        store.recordIntake(id, "SUP-1", "REF-1", IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null),
                Fixtures.declaration("REF-1"));
        DeclarationProjection p = store.findDeclaration(id).orElseThrow();
        assertThat(p.intake().outcome()).isEqualTo("ACCEPTED");
        assertThat(p.verification().verificationCode()).isEqualTo("code-1");
        assertThat(p.issuance().status()).isEqualTo("REQUESTED");
        assertThat(p.updatedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void scoresKeepTheHighestVersion() {
        assertThat(store.recordScore(Fixtures.score("SUP-9", 70, 2))).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordScore(Fixtures.score("SUP-9", 90, 1))).isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordScore(Fixtures.score("SUP-9", 70, 2))).isEqualTo(ProjectionResult.STALE);
        assertThat(store.score("SUP-9").orElseThrow().score()).isEqualTo(70);
        assertThat(store.recordScore(Fixtures.score("SUP-9", 85, 3))).isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.score("SUP-9").orElseThrow().band()).isEqualTo("EXCELLENT");
        assertThat(store.score("SUP-9").orElseThrow().factors()).hasSize(1);
    }

    @Test
    void logisticsEventsAreDeduplicatedByEventIdAndFoundByAnyReference() {
        assertThat(store.recordLogisticsEvent(Fixtures.event("E1", "DEPA", T0, "TD-REF-1", null)))
                .isEqualTo(ProjectionResult.APPLIED);
        assertThat(store.recordLogisticsEvent(Fixtures.event("E1", "DEPA", T0, "TD-REF-1", null)))
                .isEqualTo(ProjectionResult.STALE);
        store.recordLogisticsEvent(Fixtures.event("E2", "ARRI", T0.plusSeconds(3600), "TD-OTHER", null));
        assertThat(store.logisticsEvents(List.of(References.transportDocument("TD-REF-1"))))
                .extracting(e -> e.eventId()).containsExactly("E1");
    }

    @Test
    void listFiltersAndPagesById() {
        for (int i = 1; i <= 5; i++) {
            store.recordIntake("D-" + i, i % 2 == 0 ? "SUP-EVEN" : "SUP-ODD", "R-" + i,
                    IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("R-" + i));
        }
        assertThat(store.list(new DeclarationFilter("SUP-ODD", null, null, null, null), null, 10))
                .extracting(DeclarationProjection::declarationId).containsExactly("D-1", "D-3", "D-5");
        assertThat(store.list(new DeclarationFilter(null, "ACCEPTED", "VN", null, null), "D-2", 2))
                .extracting(DeclarationProjection::declarationId).containsExactly("D-3", "D-4");
        assertThat(store.list(new DeclarationFilter(null, "REJECTED", null, null, null), null, 10)).isEmpty();
    }

    @Test
    void anotherTenantsFactsNeverChangeADeclaration() {
        IntakeRecord accepted = IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null);
        store.recordIntake(id, "SUP-OWNER", "REF-1", accepted, Fixtures.declaration("REF-1"));
        store.recordVerification(id, "SUP-OWNER", "REF-1", Fixtures.verification("code-owner", T0));
        store.recordIssuance(id, "SUP-OWNER", "REF-1", Fixtures.issuance(1, "REQUESTED", T0));
        Document before = store.rawDeclaration(id);

        IntakeRecord hostileRejection = IntakeRecord.of(IntakeRecord.REJECTED, T0.plusSeconds(60), null, null);
        assertThat(store.recordIntake(id, "SUP-OTHER", "REF-1", hostileRejection, Fixtures.declaration("REF-1")))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordVerification(id, "SUP-OTHER", "REF-1", Fixtures.verification("code-other", T0.plusSeconds(60))))
                .isEqualTo(ProjectionResult.STALE);
        assertThat(store.recordIssuance(id, "SUP-OTHER", "REF-1", Fixtures.issuance(2, "REJECTED", T0.plusSeconds(60))))
                .isEqualTo(ProjectionResult.STALE);

        assertThat(store.rawDeclaration(id)).isEqualTo(before);
        assertThat(store.findDeclaration(id).orElseThrow().supplierId()).isEqualTo("SUP-OWNER");
        // and the owner's own later facts still apply
        assertThat(store.recordIssuance(id, "SUP-OWNER", "REF-1", Fixtures.issuance(2, "ISSUED", T0.plusSeconds(60))))
                .isEqualTo(ProjectionResult.APPLIED);
    }

    @Test
    void listIsLimitedToTheReadersTenants() {
        for (int i = 1; i <= 4; i++) {
            store.recordIntake("T-" + i, "SUP-T" + i, "RT-" + i, IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null),
                    Fixtures.declaration("RT-" + i));
        }
        assertThat(store.list(new DeclarationFilter(null, null, null, null, null, java.util.Set.of("SUP-T1", "SUP-T3")), null, 10))
                .extracting(DeclarationProjection::declarationId).containsExactly("T-1", "T-3");
        assertThat(store.list(new DeclarationFilter("SUP-T2", null, null, null, null, java.util.Set.of("SUP-T1")), null, 10))
                .as("a supplierId filter outside the reader's tenants finds nothing").isEmpty();
    }
}
